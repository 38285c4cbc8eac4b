#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { VPCFunctionWithRDSAndAnExternalAPIStack } from '../lib/vpc-function-with-rds-and-an-external-api-stack';

const app = new cdk.App();
new VPCFunctionWithRDSAndAnExternalAPIStack(app, 'VPCFunctionWithRDSAndAnExternalAPIStack', {
  // The design's region (its subnets name its AZs); the account is the one your credentials deploy to,
  // left open so that synth needs no lookup.
  env: { region: 'us-east-1' },
});
