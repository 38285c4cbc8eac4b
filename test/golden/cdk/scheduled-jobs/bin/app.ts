#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { ScheduledJobsStack } from '../lib/scheduled-jobs-stack';

const app = new cdk.App();
new ScheduledJobsStack(app, 'ScheduledJobsStack', {
  // The design's region (its subnets name its AZs); the account is the one your credentials deploy to,
  // left open so that synth needs no lookup.
  env: { region: 'us-east-1' },
});
