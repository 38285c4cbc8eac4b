/** IPv4 CIDR arithmetic for security-group and route checks: the model's (`core/model/cidr.ts`). */
export { cidrContains as cidrCovers, parseCidr, type Cidr } from '../model/cidr';
