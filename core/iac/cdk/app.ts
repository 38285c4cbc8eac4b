import type { NodeOfKind } from '../../model/design';
import type { IacFile } from '../types';
import type { CdkContext } from './context';
import { effectiveRuntime } from './functions';
import { stringLiteral } from './writer';

/** Versions the generated app pins (TOOLCHAIN.md: they install and work together). */
export const PINNED = { 'aws-cdk-lib': '2.276.0', constructs: '10.8.1', 'aws-cdk': '2.1148.1', typescript: '5.9.3', 'ts-node': '10.9.2', '@types/node': '20.19.43' } as const;

/** `bin/app.ts`: one stack, in the design's region (its subnets name that region's AZs). */
export function binApp(stackClass: string, stackFile: string, stackId: string, region: string): string {
  return [
    '#!/usr/bin/env node',
    "import * as cdk from 'aws-cdk-lib';",
    `import { ${stackClass} } from ${stringLiteral(`../lib/${stackFile}`)};`,
    '',
    'const app = new cdk.App();',
    `new ${stackClass}(app, ${stringLiteral(stackId)}, {`,
    '  // The design\'s region (its subnets name its AZs); the account is the one your credentials deploy to,',
    '  // left open so that synth needs no lookup.',
    `  env: { region: ${stringLiteral(region)} },`,
    '});',
    '',
  ].join('\n');
}

export function packageJson(slug: string): string {
  return `${JSON.stringify({
    name: slug,
    version: '0.1.0',
    private: true,
    bin: { [slug]: 'bin/app.js' },
    scripts: { build: 'tsc', synth: 'cdk synth --no-notices', deploy: 'cdk deploy --no-notices' },
    devDependencies: { '@types/node': PINNED['@types/node'], 'aws-cdk': PINNED['aws-cdk'], 'ts-node': PINNED['ts-node'], typescript: PINNED.typescript },
    dependencies: { 'aws-cdk-lib': PINNED['aws-cdk-lib'], constructs: PINNED.constructs },
  }, null, 2)}\n`;
}

export const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['es2022'],
    declaration: true,
    strict: true,
    noImplicitAny: true,
    strictNullChecks: true,
    noImplicitThis: true,
    alwaysStrict: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: false,
    inlineSourceMap: true,
    inlineSources: true,
    experimentalDecorators: true,
    strictPropertyInitialization: false,
    types: ['node'],
  },
  exclude: ['node_modules', 'cdk.out'],
};

export const tsconfigJson = (): string => `${JSON.stringify(TSCONFIG, null, 2)}\n`;

export const cdkJson = (): string => `${JSON.stringify({
  app: 'npx ts-node --prefer-ts-exts bin/app.ts',
  watch: { include: ['**'], exclude: ['README.md', 'cdk*.json', '**/*.d.ts', '**/*.js', 'tsconfig.json', 'package*.json', 'node_modules', 'test'] },
}, null, 2)}\n`;

export function readme(ctx: CdkContext, stackFile: string): string {
  const warnings = ctx.warnings.length ? `\n## What the export could not say\n\n${ctx.warnings.map((w) => `- ${w.replace(/[\r\n]+/g, ' ')}`).join('\n')}\n` : '';
  return `# ${ctx.design.name.replace(/[\r\n]+/g, ' ')} — AWS CDK app

Exported by Serverless Designer from the design "${ctx.design.name.replace(/[\r\n]+/g, ' ')}" (${ctx.design.region}).

- \`bin/app.ts\` — the app: one stack in ${ctx.design.region}.
- \`lib/${stackFile}.ts\` — every resource of the design as CDK constructs.
- \`lambda/<function>/\` — placeholder code for each function; replace it with yours.

## Deploy

\`\`\`sh
npm install
npx cdk bootstrap     # once per account and region
npx cdk synth         # the CloudFormation template, in cdk.out/
npx cdk deploy
\`\`\`

Settings the design has that CloudFormation does not (a function's kill switch, the access a
function needs to a database, node names) travel in each resource's \`Metadata.ServerlessDesigner\`,
so that importing the synthesized template (\`cdk.out/*.template.json\`) gives the design back.
${warnings}`;
}

/** A placeholder handler per function in `lambda/<slug>/`, matching its runtime and handler. */
export function handlerFiles(ctx: CdkContext, fn: NodeOfKind<'lambda'>, slug: string): IacFile[] {
  const dir = `lambda/${slug}`;
  const runtime = effectiveRuntime(fn.props.runtime);
  const family = runtime.replace(/[\d.]+.*$/, '').replace(/\.al2.*$/, '');
  const match = /^((?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+)\.([A-Za-z_$][A-Za-z0-9_$]*)$/.exec(fn.props.handler);
  const [module, name] = match ? [match[1], match[2]] : ['index', 'handler'];
  if ((family === 'nodejs' || family === 'python' || family === 'ruby') && !match) {
    ctx.warn(fn, `its handler ${JSON.stringify(fn.props.handler)} is not module.function; the placeholder in ${dir}/ uses index.handler`);
  }
  const files: IacFile[] = [];
  if (fn.props.packageType === 'Image') files.push({ path: `${dir}/Dockerfile`, content: dockerfile(runtime, match ? `${module}.${name}` : 'index.handler') });
  return [...files, ...codeFiles(dir, family, runtime, module, name)];
}

/** AWS's base image per runtime: https://gallery.ecr.aws/lambda */
function dockerfile(runtime: string, handler: string): string {
  const m = /^(nodejs|python|java|dotnet|ruby)([\d.]+)/.exec(runtime);
  const base = m ? `public.ecr.aws/lambda/${m[1]}:${m[2].replace(/\.$/, '')}` : 'public.ecr.aws/lambda/provided:al2023';
  return `# Placeholder: the function's image. Copy your code in and keep CMD pointing at its handler.\nFROM ${base}\nCOPY . \${LAMBDA_TASK_ROOT}\nCMD [${JSON.stringify(handler)}]\n`;
}

function codeFiles(dir: string, family: string, runtime: string, module: string, name: string): IacFile[] {
  if (family === 'nodejs') {
    return [{ path: `${dir}/${module}.mjs`, content: `// Placeholder: replace with the function's code.\nexport const ${name} = async (event) => {\n  console.log(JSON.stringify(event));\n  return { statusCode: 200, body: 'ok' };\n};\n` }];
  }
  if (family === 'python') {
    return [{ path: `${dir}/${module}.py`, content: `# Placeholder: replace with the function's code.\nimport json\n\n\ndef ${name}(event, context):\n    print(json.dumps(event))\n    return {"statusCode": 200, "body": "ok"}\n` }];
  }
  if (family === 'ruby') {
    return [{ path: `${dir}/${module}.rb`, content: `# Placeholder: replace with the function's code.\nrequire 'json'\n\ndef ${name}(event:, context:)\n  puts JSON.generate(event)\n  { statusCode: 200, body: 'ok' }\nend\n` }];
  }
  const what: Record<string, string> = {
    java: 'the built jar (or its classes) whose handler class and method match the handler',
    dotnet: 'the published .NET assembly whose Assembly::Namespace.Type::Method matches the handler',
    provided: 'a `bootstrap` executable (a custom runtime, e.g. a compiled Go or Rust binary)',
  };
  return [{ path: `${dir}/README.md`, content: `# Function code (${runtime})\n\nPut here ${what[family] ?? 'the function\'s code'}. \`Code.fromAsset\` zips this folder as it is.\n` }];
}
