import { z } from 'zod';
import { description } from '../fields';
import { LOG_RETENTION_DAYS } from './lambda';

/** Log classes a design can choose: Standard (every feature) and Infrequent Access (lower ingestion
 *  price; Logs Insights works, except the pattern, diff, filterIndex and unmask commands:
 *  https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_AnalyzeLogData_Classes.html).
 *  CloudFormation also takes DELIVERY (Lambda logs passed on to S3 or Firehose, kept one day, no
 *  Insights): not modelled. */
export const LOG_GROUP_CLASSES = ['STANDARD', 'INFREQUENT_ACCESS'] as const;

/** A CloudWatch Logs log group that functions send their logs to (a function's `logGroup` setting,
 *  written as LoggingConfig.LogGroup), besides the /aws/lambda/<name> group each function has by default.
 *  AWS::Logs::LogGroup: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-logs-loggroup.html
 *  — RetentionInDays takes only the values of LOG_RETENTION_DAYS; left out, the log group never
 *  expires (modelled as null, CloudWatch Logs' default); LogGroupClass defaults to STANDARD and cannot
 *  change after creation. */
export const logGroupProps = z.looseObject({
  description: description(),
  /** null: never expires (COST-06). */
  retentionInDays: z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)) as [z.ZodLiteral<number>, z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]).nullable().default(null),
  logGroupClass: z.enum(LOG_GROUP_CLASSES).default('STANDARD'),
});

export type LogGroupProps = z.output<typeof logGroupProps>;
export const logGroupKind = { kind: 'logGroup', label: 'CloudWatch log group', category: 'monitoring', props: logGroupProps } as const;
