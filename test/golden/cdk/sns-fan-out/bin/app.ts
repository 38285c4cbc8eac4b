#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { SNSFanOutStack } from '../lib/sns-fan-out-stack';

const app = new cdk.App();
new SNSFanOutStack(app, 'SNSFanOutStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
});
