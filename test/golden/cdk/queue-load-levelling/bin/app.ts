#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { QueueBasedLoadLevellingIntoRDSStack } from '../lib/queue-based-load-levelling-into-rds-stack';

const app = new cdk.App();
new QueueBasedLoadLevellingIntoRDSStack(app, 'QueueBasedLoadLevellingIntoRDSStack', {
  // The design's region (its subnets name its AZs); the account is the one your credentials deploy to,
  // left open so that synth needs no lookup.
  env: { region: 'us-east-1' },
});
