import { defineRule, type RuleFinding } from '../types';
import { num } from './support';

/** Lambda's limit on all environment variables together (keys + values, as cfn-lint E3697 sums them). */
const MAX_ENVIRONMENT_BYTES = 4096;

/** Keys the Lambda runtime sets itself and refuses to take from the configuration (cfn-lint E3663).
 *  TZ, LANG, PATH, NODE_OPTIONS … are not reserved: functions may set them. */
const RESERVED = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

/** UTF-8 length: the limit is in bytes, and a non-ASCII character takes 2 to 4. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export default defineRule({
  id: 'CFG-03',
  title: 'Environment variables too large or reserved',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  appliesTo: ['lambda'],
  why: 'All of a function\'s environment variables together (names and values) may take at most 4 KB, and the names the Lambda runtime sets itself (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME, _HANDLER, LAMBDA_TASK_ROOT …) cannot be set; Lambda rejects the configuration otherwise.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const vars = Object.entries(fn.props.environment);
      const out: RuleFinding[] = [];
      const sizes = vars.map(([key, value]) => ({ key, bytes: utf8Bytes(key) + utf8Bytes(value) })).sort((a, b) => b.bytes - a.bytes);
      const size = sizes.reduce((sum, v) => sum + v.bytes, 0);
      if (size > MAX_ENVIRONMENT_BYTES) {
        const largest = sizes[0].key;
        out.push({
          target: fn,
          message: `The environment variables of "${fn.name}" take ${num(size)} bytes (names + values); Lambda allows ${num(MAX_ENVIRONMENT_BYTES)} bytes in total.`,
          fix: `Shrink the environment of "${fn.name}" by ${num(size - MAX_ENVIRONMENT_BYTES)} bytes or more: move large values (such as ${largest}) to SSM Parameter Store, Secrets Manager or a config file, and keep only their names in variables.`,
        });
      }
      const reserved = vars.map(([key]) => key).filter((key) => RESERVED.has(key));
      if (reserved.length) {
        out.push({
          target: fn,
          message: `"${fn.name}" sets ${reserved.length > 1 ? 'the reserved environment variables' : 'the reserved environment variable'} ${reserved.join(', ')}; the Lambda runtime sets ${reserved.length > 1 ? 'these' : 'it'} itself and rejects the configuration.`,
          fix: `Remove ${reserved.join(', ')} from the environment of "${fn.name}" (the runtime provides ${reserved.length > 1 ? 'them' : 'it'}), or rename ${reserved.length > 1 ? 'them' : 'it'} (e.g. APP_${reserved[0].replace(/^_+/, '')}).`,
        });
      }
      return out;
    });
  },
});
