import { defineRule } from '../types';
import { functionSettingCheck } from './support';

export default defineRule({
  id: 'CFG-05',
  readsValuesAsWritten: true,
  title: 'Ephemeral storage (/tmp) out of range',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-ephemeralstorage.html',
  appliesTo: ['lambda'],
  why: 'A function\'s /tmp storage is 512 MB to 10,240 MB, in 1 MB steps (default 512 MB); any other size fails the deployment.',
  check: functionSettingCheck({ path: ['ephemeralStorageMb'], label: 'ephemeral storage (/tmp)', unit: ' MB' }),
});
