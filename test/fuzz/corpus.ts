// Corpus designs for the fuzz suite (issue 13, bullet 4): real SAM templates from
// ../shared/corpus/serverless-patterns imported with the project's importer (core/iac/import).
// A handful are committed as fixtures (test/fixtures/fuzz/corpus/, written by make-corpus.ts) so
// the suite always has them; where ../shared exists the suite imports a few more at test time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { importTemplate } from '../../core/iac/import';
import { serializeDesign } from '../../core/model';

/** The committed ones, chosen for breadth: SQS, SNS, EventBridge, DynamoDB and Kinesis streams, APIs, Step Functions, VPC. */
export const COMMITTED_PATTERNS = [
  'sqs-lambda-nodejs-sam', // SQS → Lambda
  'lambda-destinations-sam', // Lambda destinations to SQS
  'sns-sqs', // SNS → SQS
  'lambda-sns-sqs-lambda-sam-java', // Lambda → SNS → SQS → Lambda
  'eventbridge-sns-lambda', // EventBridge rule → SNS → Lambda
  's3-eventbridge', // S3 → EventBridge → SQS
  'dynamodb-streams-lambda-event-filters', // DynamoDB stream with filters
  'lambda-esm-ddb-filters-sam', // DynamoDB stream event source mappings
  'lambda-esm-kinesis-filters-sam', // Kinesis
  'apigw-sqs-lambda', // REST API → SQS → Lambda
  'sfn-apigw', // Step Functions → API → Lambda
  'apigw-lambda-memorydb', // API → Lambda in a VPC (subnets, security groups)
  'apigw-lambda-efs-sam', // Lambda in a VPC with EFS
  'eventbridge-scheduled-batch-sam', // schedule → Batch in a VPC
] as const;

export function templateOf(root: string, pattern: string): string | null {
  for (const f of ['template.yaml', 'template.yml']) if (existsSync(`${root}/${pattern}/${f}`)) return `${pattern}/${f}`;
  return null;
}

/** Every pattern with a template, sorted. */
export function patterns(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && templateOf(root, d.name)).map((d) => d.name).sort();
}

/** The design imported from one pattern, as the file the app would save (null: the template is unreadable). */
export function importedDesignText(root: string, pattern: string): { text: string; template: string } | null {
  const template = templateOf(root, pattern);
  if (!template) return null;
  try {
    const { design } = importTemplate(readFileSync(`${root}/${template}`, 'utf8'), { fileName: template });
    return { text: serializeDesign(design), template };
  } catch {
    return null; // TemplateSyntaxError: two corpus templates are not valid YAML (test/iac/corpus.test.ts)
  }
}
