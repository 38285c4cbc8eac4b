import type { Rule } from '../types';
import cfg01 from './cfg-01-function-memory';
import cfg02 from './cfg-02-function-timeout';
import cfg03 from './cfg-03-environment-variables';
import cfg04 from './cfg-04-layers-and-package-size';
import cfg05 from './cfg-05-ephemeral-storage';
import cfg06 from './cfg-06-sqs-queue-attributes';
import cfg07 from './cfg-07-fifo-queue-shape';
import cfg08 from './cfg-08-stream-mapping-ranges';
import cfg09 from './cfg-09-sqs-mapping-scaling';
import cfg10 from './cfg-10-permission-wiring';
import cfg11 from './cfg-11-eventbridge-retry-policy';
import cfg12 from './cfg-12-co-location';

/** The CFG-* rules of rules-catalog.md, in catalog order. */
export const CFG_RULES: readonly Rule[] = [cfg01, cfg02, cfg03, cfg04, cfg05, cfg06, cfg07, cfg08, cfg09, cfg10, cfg11, cfg12];

/** CFG-* rules the model cannot express yet, each with the reason. */
export const CFG_NOT_IMPLEMENTED: readonly { id: string; why: string }[] = [];
