#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { SNSFanOutStack } from '../lib/sns-fan-out-stack';

const app = new cdk.App();
new SNSFanOutStack(app, 'SNSFanOutStack', {
  // The design's region (its subnets name its AZs); the account is the one your credentials deploy to,
  // left open so that synth needs no lookup.
  env: { region: 'eu-west-1' },
});
