#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { EventDrivenFilePipelineStack } from '../lib/event-driven-file-pipeline-stack';

const app = new cdk.App();
new EventDrivenFilePipelineStack(app, 'EventDrivenFilePipelineStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
});
