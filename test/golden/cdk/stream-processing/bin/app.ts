#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { RealTimeStreamProcessingStack } from '../lib/real-time-stream-processing-stack';

const app = new cdk.App();
new RealTimeStreamProcessingStack(app, 'RealTimeStreamProcessingStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
});
