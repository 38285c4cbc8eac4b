import { defineRule } from '../types';
import { functionSettingCheck } from './support';

export default defineRule({
  id: 'CFG-01',
  readsValuesAsWritten: true,
  title: 'Function memory out of range',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  appliesTo: ['lambda'],
  why: 'Lambda accepts 128 MB to 10,240 MB of memory, in 1 MB steps (default 128 MB); any other value fails the deployment. CPU scales with memory: at 1,769 MB a function has the equivalent of one vCPU. Leaving the default is fine.',
  check: functionSettingCheck({ path: ['memoryMb'], label: 'memory', unit: ' MB' }),
});
