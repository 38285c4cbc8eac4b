import { defineRule } from '../types';
import { functionSettingCheck } from './support';

export default defineRule({
  id: 'CFG-02',
  readsValuesAsWritten: true,
  title: 'Function timeout out of range',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  appliesTo: ['lambda'],
  why: 'A Lambda function (other than on Lambda Managed Instances, which this designer does not model) runs for at most 900 s (15 min); the default is 3 s. A longer timeout fails the deployment: split the work, or move long jobs to Step Functions or a container service.',
  check: functionSettingCheck({ path: ['timeoutSeconds'], label: 'timeout', unit: ' s' }),
});
