import { analyzeReachability, type Reachability } from '../../core/semantics';
import type { Command } from '../command';
import { EXIT } from '../io';
import { noteSetAside, oneDesignWithFormat } from '../load';

const VERDICT = { yes: 'reachable', no: 'NOT REACHABLE', partial: 'PARTIAL' } as const;

function edgeText(r: Reachability): string {
  const what = r.destination === 'awsApi' ? `${r.service} API` : r.destination === 'internet' ? 'internet' : 'VPC resource';
  const lines = [`${r.from.name} → ${r.to.name} (${what}, TCP ${r.port}): ${VERDICT[r.reachable]}`];
  for (const p of r.paths) {
    lines.push(`  ${p.subnet ? `from "${p.subnet.name}" (${p.az})` : 'from the Lambda-managed network'}: ${p.reachable ? 'ok' : 'broken'}`);
    p.hops.forEach((h) => lines.push(`    ${h.kind.padEnd(17)} ${h.detail}`));
    if (!p.reachable) lines.push(`    ✗ ${p.ruleId ? `${p.ruleId}: ` : ''}${p.reason}`);
  }
  return lines.join('\n');
}

export const reachCommand: Command = {
  name: 'reach',
  summary: 'check that each function can reach what it uses, hop by hop per subnet/AZ',
  help: `Usage: serverless-designer reach FILE [--format text|json]

For every access edge from a function (to a database, cache, AWS API or internet endpoint) prints the
network path hop by hop from each of the function's subnets: route table, NAT gateway, internet
gateway, VPC endpoints, security groups — or the hop where it breaks and why. Triggers need no path
into the function's VPC and are not listed. A security group rule to or from a managed prefix list
counts as allowing what that list covers; its CIDR blocks are not in the design, so a path that rests
on one says so in its security group hop (and in JSON, in the path's "assumes").

Options:
  --format text|json   text for people (default) or JSON {edges}
  -h, --help           show this help

Exit codes: 0 every edge is reachable; 1 some edge is not (or only from some AZs); 2 the file cannot
be read or parsed.`,
  async run(args, io) {
    const loaded = await oneDesignWithFormat('reach', this.help, args, io);
    if (typeof loaded === 'number') return loaded;
    const { format, file, design } = loaded;
    noteSetAside(file, design, io);
    const edges = analyzeReachability(design);
    if (format === 'json') io.out(JSON.stringify({ file, edges }, null, 2));
    else io.out(edges.length ? edges.map(edgeText).join('\n\n') : `${file}: no function accesses anything over the network`);
    return edges.every((e) => e.reachable === 'yes') ? EXIT.ok : EXIT.findings;
  },
};
