#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { OrderFulfilmentWithStepFunctionsStack } from '../lib/order-fulfilment-with-step-functions-stack';

const app = new cdk.App();
new OrderFulfilmentWithStepFunctionsStack(app, 'OrderFulfilmentWithStepFunctionsStack', {
  // The account comes from your AWS credentials; the region is the design's.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: 'us-east-1' },
});
