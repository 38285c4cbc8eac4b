import { RDS_DEFAULT_PORTS } from '../../model/kinds';
import { defineRule } from '../types';
import { names, networkAclFix, pathFindings } from './support';

export default defineRule({
  id: 'NET-06',
  title: 'Target security group does not admit the function',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html',
  appliesTo: ['securityGroup', 'rds', 'rdsProxy', 'elasticache', 'kafka', 'access'],
  why: 'Security groups deny inbound traffic by default ("By default, no inbound traffic is allowed"). The group of a database, proxy, cache or Kafka cluster needs an inbound rule on the service port whose source is the function\'s security group (or a CIDR covering the function\'s subnets); otherwise connections time out.',
  check(ctx) {
    const { index } = ctx;
    return pathFindings(ctx, 'NET-06', (b) => {
      const acl = networkAclFix(b);
      if (acl) return acl;
      const at = index.node(b.paths[0].brokenAt?.id ?? '');
      const proxy = b.target.kind === 'rdsProxy' ? b.target : undefined;
      const db = proxy?.props.target ? index.node(proxy.props.target) : undefined;
      if (proxy && db?.kind === 'rds' && at && !proxy.props.securityGroups.includes(at.id)) {
        const port = db.props.port ?? RDS_DEFAULT_PORTS[db.props.engine];
        return `Add an inbound rule for TCP ${port} to ${at.kind === 'securityGroup' ? `"${at.name}"` : `a security group of "${db.name}"`} whose source is the security group of RDS Proxy "${proxy.name}" (${names(proxy.props.securityGroups.flatMap((id) => index.node(id) ?? []))}).`;
      }
      const fnGroups = names((b.fn.props.vpc?.securityGroups ?? []).flatMap((id) => index.node(id) ?? []));
      return at?.kind === 'securityGroup'
        ? `Add an inbound rule for TCP ${b.r.port} to "${at.name}" whose source is the security group ${fnGroups} of "${b.fn.name}".`
        : `Give "${b.target.name}" a security group with an inbound rule for TCP ${b.r.port} whose source is the security group ${fnGroups} of "${b.fn.name}".`;
    });
  },
});
