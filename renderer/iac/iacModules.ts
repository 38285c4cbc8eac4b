// Everything import and export need from core/iac, in one chunk loaded the first time either is
// used (the YAML reader/writer, the exporters and the importer are not needed to draw a design).
export { exportCdk } from '../../core/iac/cdk';
export { exportSam } from '../../core/iac/sam';
export { readTemplate } from './importFlow';
