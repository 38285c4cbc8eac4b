#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { MicroservicesOverEventBridgeStack } from '../lib/microservices-over-eventbridge-stack';

const app = new cdk.App();
new MicroservicesOverEventBridgeStack(app, 'MicroservicesOverEventBridgeStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'eu-west-1' },
});
