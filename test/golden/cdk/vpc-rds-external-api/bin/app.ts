#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { VPCFunctionWithRDSAndAnExternalAPIStack } from '../lib/vpc-function-with-rds-and-an-external-api-stack';

const app = new cdk.App();
new VPCFunctionWithRDSAndAnExternalAPIStack(app, 'VPCFunctionWithRDSAndAnExternalAPIStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
});
