import { describe, expect, it } from 'vitest';
import { RULES } from '../../core/rules';

/**
 * Every rule's "Docs" link goes to the AWS documentation page for its limit or behaviour (issue 14, bullet 7).
 *
 * Allowed: https on docs.aws.amazon.com (every AWS guide, API and CloudFormation reference). The only other
 * AWS pages allowed are Knowledge Center articles and AWS blog posts, and only where no documentation page
 * states what the rule claims: each such rule is listed below with the reason. Never a repository, an SDK
 * mirror or a third-party page.
 */
const DOCS_HOST = 'docs.aws.amazon.com';

/** Rules whose link is an aws.amazon.com Knowledge Center article or blog post, and why no docs page will do. */
const NOT_ON_DOCS: Record<string, string> = {};
const KNOWLEDGE_CENTER_OR_BLOG = /^https:\/\/aws\.amazon\.com\/(premiumsupport\/knowledge-center|blogs)\/[\w\-/]+$/;

/**
 * Pages more than one rule cites. Each rule has its own subject, so a page may be shared only where it covers
 * every one of them: the ids must match exactly (a new rule citing a shared page must be added here on purpose).
 */
const SHARED: Record<string, { ids: string[]; why: string }> = {
  'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html': {
    ids: ['INV-05', 'RETRY-03'],
    why: 'the page covers both: which targets an on-failure destination or dead-letter queue may be (INV-05), and how destinations differ from a dead-letter queue (RETRY-03)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html': {
    ids: ['INV-07', 'INV-08'],
    why: 'the page covers both: its parameter table gives the batch size limits of FIFO queues (INV-07) and of standard queues with and without a batching window (INV-08)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html': {
    ids: ['INV-09', 'COST-05'],
    why: 'the page covers both: its batching section gives the window\'s range and defaults (INV-09) and that a mapping invokes once per batch, sized by batch size and window (COST-05)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html': {
    ids: ['INV-10', 'CFG-08'],
    why: 'the page covers both: its parameter table gives StartingPosition (INV-10) and the ranges of the stream settings (CFG-08)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html': {
    ids: ['INV-12', 'RETRY-01', 'CONC-10'],
    why: 'the page covers all three: asynchronous retries deliver an event more than once (INV-12), failed events are discarded without a destination or DLQ (RETRY-01), and throttled events are retried up to the maximum event age (CONC-10)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html': {
    ids: ['INV-13', 'RETRY-08', 'RETRY-13'],
    why: 'the page covers all three: partial batch responses on FIFO queues stop at the first failure (INV-13), failed messages return until the redrive policy moves them (RETRY-08), and ReportBatchItemFailures (RETRY-13)',
  },
  'https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html': {
    ids: ['RETRY-05', 'RETRY-06'],
    why: 'the page covers both: undeliverable messages are lost without a subscription DLQ (RETRY-05), and what that DLQ must be (RETRY-06)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html': {
    ids: ['RETRY-14', 'RETRY-15', 'RETRY-16', 'RETRY-17'],
    why: 'the page covers all four: a failing batch is retried until its records expire (RETRY-14), exhausted records are discarded without a destination (RETRY-15), bisecting and retry limits (RETRY-16), and the destination types a stream mapping accepts (RETRY-17)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html': {
    ids: ['NET-02', 'NET-03', 'NET-15'],
    why: 'the page covers all three: attaching a function to a public subnet gives it no public IP (NET-02), a VPC function reaches AWS APIs only through a NAT gateway or VPC endpoints (NET-03), and dedicated-tenancy VPCs are not supported (NET-15)',
  },
  'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html': {
    ids: ['NET-04', 'COST-01'],
    why: 'the page covers both: a gateway endpoint works only through the route tables it is added to (NET-04), and gateway endpoints carry no charge, unlike NAT data processing (COST-01)',
  },
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroup.html': {
    ids: ['NET-06', 'NET-07'],
    why: 'the page covers both: a security group\'s ingress rules (NET-06) and its egress rules (NET-07)',
  },
  'https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html': {
    ids: ['NET-09', 'NET-10', 'NET-11', 'COST-02'],
    why: 'the page covers all four: functions outside a VPC reach the internet and AWS APIs without NAT (NET-09), a function reaches VPC resources only from that VPC (NET-10), subnets in several Availability Zones (NET-11), and no benefit from a VPC without VPC resources (COST-02)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html': {
    ids: ['NET-12', 'CONC-09'],
    why: 'the page covers both: the RDS proxy in the database\'s VPC (NET-12), and a proxy to pool connections against a concurrency burst (CONC-09)',
  },
  'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html': {
    ids: ['NET-18', 'NET-19'],
    why: 'the page covers both: subnet CIDR blocks must not overlap (NET-18), and must lie inside the VPC\'s block at /16 to /28 (NET-19)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html': {
    ids: ['CFG-01', 'CFG-02', 'CFG-03', 'CFG-04'],
    why: 'the Lambda quotas page covers all four: memory (CFG-01), timeout (CFG-02), environment variables (CFG-03), and layers and package sizes (CFG-04)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html': {
    ids: ['CONC-01', 'CONC-02', 'COST-04'],
    why: 'the page covers all three: reserved concurrency leaves 100 unreserved (CONC-01), a reservation of 0 throttles every invocation (CONC-02), and provisioned concurrency is charged whether or not it is used (COST-04)',
  },
  'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html': {
    ids: ['CONC-04', 'CONC-05', 'CONC-06'],
    why: 'the page covers all three: reserved concurrency at least the total maximum concurrency (CONC-04), Lambda starting with five concurrent batches (CONC-05), and how it scales them for standard and FIFO queues (CONC-06)',
  },
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html': {
    ids: ['INV-02', 'COST-07'],
    why: 'the page covers both: the 29-second integration timeout a client sees as a 504 (INV-02), and the timeout a function running longer pays beyond (COST-07)',
  },
};

describe('rule docs links', () => {
  it.each(RULES.map((r) => [r.id, r.docsUrl] as const))('%s links an AWS documentation page', (id, url) => {
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('https:');
    if (parsed.hostname === DOCS_HOST) {
      // A page, not a guide's landing page or a URL without its .html (those redirect or 404).
      expect(parsed.pathname, url).toMatch(/\/[\w.-]+\.html$/);
      return;
    }
    expect(NOT_ON_DOCS[id], `${id}: ${url} is not on ${DOCS_HOST} and is not listed with a reason`).toBeDefined();
    expect(url).toMatch(KNOWLEDGE_CENTER_OR_BLOG);
  });

  it('shares a page between rules only where the page covers each of them', () => {
    const byUrl = new Map<string, string[]>();
    for (const rule of RULES) byUrl.set(rule.docsUrl, [...(byUrl.get(rule.docsUrl) ?? []), rule.id]);
    const shared = [...byUrl].filter(([, ids]) => ids.length > 1);
    for (const [url, ids] of shared) {
      expect(SHARED[url]?.ids.slice().sort(), `${url} is cited by ${ids.join(', ')}`).toEqual(ids.slice().sort());
    }
    // Every allow-list entry is still in use, and says why.
    for (const [url, entry] of Object.entries(SHARED)) {
      expect(byUrl.get(url)?.slice().sort(), `${url} is listed as shared but cited by ${byUrl.get(url)?.join(', ') ?? 'no rule'}`).toEqual(entry.ids.slice().sort());
      expect(entry.why).toMatch(/^the (page|Lambda quotas page) covers (both|all)/);
    }
  });

  it('lists off-docs links only for rules that have one', () => {
    for (const id of Object.keys(NOT_ON_DOCS)) {
      const rule = RULES.find((r) => r.id === id);
      expect(rule, `${id} is not a rule`).toBeDefined();
      expect(new URL(rule!.docsUrl).hostname).not.toBe(DOCS_HOST);
    }
  });

  it('refuses what it must refuse', () => {
    // The host and path checks themselves, on the URLs the catalog used to cite.
    for (const bad of ['https://github.com/awsdocs/aws-lambda-developer-guide', 'https://www.smplogs.com/guides/api-gateway-504-timeouts']) {
      expect(new URL(bad).hostname).not.toBe(DOCS_HOST);
      expect(bad).not.toMatch(KNOWLEDGE_CENTER_OR_BLOG);
    }
    expect('/lambda/latest/dg/invocation-retries').not.toMatch(/\/[\w.-]+\.html$/);
  });
});
