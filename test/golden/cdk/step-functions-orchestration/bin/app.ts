#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { OrderFulfilmentWithStepFunctionsStack } from '../lib/order-fulfilment-with-step-functions-stack';

const app = new cdk.App();
new OrderFulfilmentWithStepFunctionsStack(app, 'OrderFulfilmentWithStepFunctionsStack', {
  // The design's region (its subnets name its AZs); the account is the one your credentials deploy to,
  // left open so that synth needs no lookup.
  env: { region: 'us-east-1' },
});
