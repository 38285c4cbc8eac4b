#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { QueueBasedLoadLevellingIntoRDSStack } from '../lib/queue-based-load-levelling-into-rds-stack';

const app = new cdk.App();
new QueueBasedLoadLevellingIntoRDSStack(app, 'QueueBasedLoadLevellingIntoRDSStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
});
