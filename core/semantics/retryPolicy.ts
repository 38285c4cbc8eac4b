/** AWS's retry behaviour per source, as numbers (rules-catalog RETRY-02, RETRY-05, RETRY-07, RETRY-14). */

/** Lambda async retries on function errors: the first after 1 minute, the second after 2 more. */
export const ASYNC_RETRY_DELAYS_SECONDS = [60, 120] as const;

/** SNS delivery policy for AWS-managed endpoints (Lambda, SQS): 3 immediate tries, 2 one second
 *  apart, 10 backing off from 1 s to 20 s, then 100,000 twenty seconds apart: 100,015 attempts
 *  over about 23 days. It covers SNS-side delivery failures only. */
export const SNS_MANAGED_DELIVERY = { attempts: 100_015, seconds: 23 * 24 * 3600 } as const;

/** DynamoDB Streams keep records for 24 hours. */
export const DYNAMODB_STREAM_RETENTION_SECONDS = 24 * 3600;

/** Lambda stops a recursive loop after about 16 invocations (RecursiveLoop = Terminate). */
export const RECURSIVE_LOOP_LIMIT = 16;

export const seconds = {
  fromHours: (h: number) => h * 3600,
};

/** "3 min", "6 h", "4 d 2 h" — for messages. */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds < 120) return `${Math.round(totalSeconds)} s`;
  if (totalSeconds < 2 * 3600) return `${Math.round(totalSeconds / 60)} min`;
  if (totalSeconds < 2 * 86400) return `${+(totalSeconds / 3600).toFixed(1)} h`;
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.round((totalSeconds - days * 86400) / 3600);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}
