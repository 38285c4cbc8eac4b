import { kindLabel, parseDesign, type Design, type Problem } from '../core/model';

export interface Template {
  /** File name, e.g. rest-api.design.json. */
  file: string;
  /** The file name without `.design.json` (test ids, the welcome screen's keys). */
  slug: string;
  name: string;
  description: string;
  /** What a reader learns from the pattern (the welcome screen's second line). */
  teaches: string;
  /** Short tags derived from what the design holds: "VPC", "retries", "streams" … */
  tags: string[];
  nodeCount: number;
  kinds: string[];
  design?: Design;
  /** Why the template cannot be used (a broken file in templates/). */
  problems: Problem[];
}

// Bundled at build time from the repository's templates/ folder.
const files = import.meta.glob('../templates/*.design.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** What each starter template is there to show (templates/README.md lists the patterns). A
 *  template without an entry falls back to its description; the design's own `teaches` text wins. */
const TEACHES: Record<string, string> = {
  'rest-api': 'A synchronous API: the caller waits, gets the error and retries; Cognito authorisation; DynamoDB on demand.',
  'file-pipeline': 'S3 invokes asynchronously; a queue with a redrive dead-letter queue catches what keeps failing.',
  'queue-load-levelling': 'Reserved concurrency caps what reaches the database; RDS Proxy pools its connections inside the VPC.',
  'eventbridge-microservices': 'Choreography over a custom bus: rules, targets, and where events that cannot be delivered go.',
  'scheduled-jobs': 'Jobs on EventBridge schedules: asynchronous retries, event age and failure destinations.',
  'step-functions-orchestration': 'Orchestration: a state machine calls each function synchronously and owns the retries.',
  'stream-processing': 'Poll-based streams: batch size, bisect on error, on-failure destinations, order per shard.',
  'sns-fan-out': 'Fan-out: one topic, a queue buffering each subscriber, dead-letter queues per subscription.',
  'vpc-rds-external-api': 'A function in private subnets: a NAT gateway per AZ to reach the internet, security groups to the database.',
};

/** Tags from the kinds and connections a design holds, in a fixed order. */
export function templateTags(design: Design): string[] {
  const kinds = new Set(design.nodes.map((n) => n.kind));
  const edges = new Set(design.edges.map((e) => e.kind));
  const has = (...k: string[]) => k.some((x) => kinds.has(x as Design['nodes'][number]['kind']));
  const tags: [boolean, string][] = [
    [has('apiGateway', 'alb'), 'API'],
    [has('vpc', 'subnet'), 'VPC'],
    [has('sqsQueue'), 'queues'],
    [has('snsTopic'), 'fan-out'],
    [has('eventBus', 'eventRule'), 'events'],
    [has('kinesisStream', 'kafka') || design.nodes.some((n) => n.kind === 'dynamoTable' && design.edges.some((e) => e.kind === 'trigger' && e.from === n.id)), 'streams'],
    [has('stepFunction'), 'orchestration'],
    [edges.has('deadLetter') || edges.has('destination'), 'retries'],
    [has('rds', 'rdsProxy', 'elasticache'), 'database'],
    [has('dynamoTable'), 'DynamoDB'],
    [has('externalEndpoint'), 'external API'],
  ];
  return tags.filter(([on]) => on).map(([, tag]) => tag);
}

/** A first sentence that tells what the pattern is for, from the template's own text. */
function describe(design: Design): string {
  const own = (design as Record<string, unknown>).description;
  if (typeof own === 'string' && own.trim()) return own.trim();
  const labels = [...new Set(design.nodes.map((n) => kindLabel(n.kind)))];
  return `${design.nodes.length} resources, ${design.edges.length} connections: ${labels.slice(0, 4).join(', ')}${labels.length > 4 ? ', …' : ''}`;
}

export function loadTemplates(sources: Record<string, string> = files): Template[] {
  return Object.entries(sources)
    .map(([path, text]): Template => {
      const file = path.split('/').pop() ?? path;
      const slug = file.replace(/\.design\.json$/, '');
      const parsed = parseDesign(text);
      if (!parsed.ok) return { file, slug, name: file, description: 'This template cannot be read.', teaches: '', tags: [], nodeCount: 0, kinds: [], problems: parsed.problems };
      const own = (parsed.design as Record<string, unknown>).teaches;
      const description = describe(parsed.design);
      return {
        file,
        slug,
        name: parsed.design.name,
        description,
        teaches: typeof own === 'string' && own.trim() ? own.trim() : TEACHES[slug] ?? description,
        tags: templateTags(parsed.design),
        nodeCount: parsed.design.nodes.length,
        kinds: [...new Set(parsed.design.nodes.map((n) => n.kind))],
        design: parsed.design,
        problems: [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
