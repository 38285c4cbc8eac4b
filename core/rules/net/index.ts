import type { Rule } from '../types';
import cost01 from './cost-01-nat-for-gateway-services';
import cost02 from './cost-02-vpc-without-vpc-resources';
import cost08 from './cost-08-interface-endpoint-for-gateway-service';
import net01 from './net-01-internet-from-vpc';
import net02 from './net-02-public-subnet';
import net03 from './net-03-aws-api-from-vpc';
import net04 from './net-04-gateway-endpoint-routes';
import net05 from './net-05-interface-endpoint-wiring';
import net06 from './net-06-target-ingress';
import net07 from './net-07-function-egress';
import net08 from './net-08-stateful-groups';
import net09 from './net-09-function-outside-vpc';
import net10 from './net-10-vpc-resource-outside';
import net11 from './net-11-az-spread';
import net12 from './net-12-rds-proxy-placement';
import net13 from './net-13-kafka-mapping-network';
import net14 from './net-14-triggers-need-no-vpc-path';
import net15 from './net-15-dedicated-tenancy';
import net16 from './net-16-nat-idle-timeout';
import net17 from './net-17-nat-gateway-placement';
import net18 from './net-18-subnet-cidr-overlap';
import net19 from './net-19-subnet-outside-vpc';
import net20 from './net-20-nat-gateway-other-az';
import cost09 from './cost-09-unused-nat-gateway';

/** The NET-* rules of rules-catalog.md, built on the reachability result, in catalog order; then the
 *  network-cost rules COST-01, COST-02, COST-08 and COST-09 (category 'cost'), which read the same paths and routes. */
export const NET_RULES: readonly Rule[] = [
  net01, net02, net03, net04, net05, net06, net07, net08, net09, net10, net11, net12, net13, net14, net15, net16, net17, net18, net19, net20,
  cost01, cost02, cost08, cost09,
];

/** NET-* rules the model cannot express yet, each with the reason. */
export const NET_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];
