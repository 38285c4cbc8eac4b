#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { ScheduledJobsStack } from '../lib/scheduled-jobs-stack';

const app = new cdk.App();
new ScheduledJobsStack(app, 'ScheduledJobsStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
});
