import { lambdaProps } from '../../model/kinds';
import { defineRule, type RuleFinding } from '../types';
import { maxItemsOf, num } from './support';

/** Lambda quotas (gettingstarted-limits), in MB. */
const ZIP_UPLOAD_MB = 50;
const ZIP_UNZIPPED_MB = 250;
const IMAGE_MB = 10240;

export default defineRule({
  id: 'CFG-04',
  readsValuesAsWritten: true,
  title: 'Layers and deployment package size',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  appliesTo: ['lambda'],
  why: 'A function takes at most 5 layers. A .zip package may be 250 MB unzipped, layers and custom runtime included, and 50 MB zipped when uploaded directly through the Lambda API (larger archives go through S3). A container image may be 10 GB, and an image function cannot use layers: everything goes into the image.',
  check(ctx) {
    const maxLayers = maxItemsOf(lambdaProps, 'layers');
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const { layers, packageType, codeSize } = fn.props;
      const out: RuleFinding[] = [];
      const add = (message: string, fix: string, severity?: 'warning') => out.push({ target: fn, message, fix, ...(severity ? { severity } : {}) });
      if (packageType === 'Image' && layers.length) {
        add(`"${fn.name}" is a container image function but lists ${layers.length} layer${layers.length > 1 ? 's' : ''}; Lambda rejects layers on image functions.`,
          `Remove the layers from "${fn.name}" and copy their content into the container image, or switch it to a .zip package.`);
      } else if (layers.length > maxLayers) {
        add(`"${fn.name}" uses ${layers.length} layers; Lambda allows at most ${maxLayers}.`,
          `Merge layers of "${fn.name}" or bundle some of them into the function package, to use ${maxLayers} layers or fewer.`);
      }
      const { zippedMb, unzippedMb } = codeSize;
      if (packageType === 'Image') {
        const size = Math.max(zippedMb ?? 0, unzippedMb ?? 0);
        if (size > IMAGE_MB) add(`The container image of "${fn.name}" is ${num(size)} MB; Lambda accepts images up to ${num(IMAGE_MB)} MB (10 GB) uncompressed.`, `Shrink the image of "${fn.name}" below ${num(IMAGE_MB)} MB (smaller base image, fewer dependencies, data in S3 or EFS).`);
        return out;
      }
      if (unzippedMb !== null && unzippedMb > ZIP_UNZIPPED_MB) {
        add(`"${fn.name}" unpacks to ${num(unzippedMb)} MB with its layers; Lambda allows ${ZIP_UNZIPPED_MB} MB unzipped for a .zip package.`,
          `Cut the package of "${fn.name}" below ${ZIP_UNZIPPED_MB} MB unzipped (drop unused dependencies, move data to S3), or deploy it as a container image (up to 10 GB).`);
      }
      if (zippedMb !== null && zippedMb > ZIP_UPLOAD_MB) {
        add(`The .zip package of "${fn.name}" is ${num(zippedMb)} MB; a direct upload through the Lambda API accepts at most ${ZIP_UPLOAD_MB} MB.`,
          `Deploy "${fn.name}" through an S3 bucket (as SAM, CDK and CloudFormation do), or shrink the archive below ${ZIP_UPLOAD_MB} MB.`, 'warning');
      }
      return out;
    });
  },
});
