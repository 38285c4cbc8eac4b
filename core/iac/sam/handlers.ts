import type { NodeOfKind } from '../../model/design';
import type { IacFile } from '../types';
import type { ExportContext } from './context';

/** A placeholder handler per function, in the folder its CodeUri names, so `sam build` works as soon
 *  as the template is written: Node.js, Python and Ruby get a handler that logs the event; Java, .NET
 *  and custom runtimes get a README saying what goes there. No user text reaches code except the
 *  handler's module and function names, and only when they are plain identifiers. */
export function placeholderHandlers(ctx: ExportContext, dirs: Map<string, string>): IacFile[] {
  const files: IacFile[] = [];
  for (const fn of ctx.ofKind('lambda')) files.push(...handlerFiles(ctx, fn, dirs.get(fn.id)!));
  return files;
}

/** `module/path.function`: a relative module path of plain names and a plain function name. */
const HANDLER = /^((?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+)\.([A-Za-z_$][A-Za-z0-9_$]*)$/;

function handlerFiles(ctx: ExportContext, fn: NodeOfKind<'lambda'>, dir: string): IacFile[] {
  const runtime = fn.props.runtime;
  const family = runtime.replace(/[\d.]+.*$/, '').replace(/\.al2.*$/, '');
  const match = HANDLER.exec(fn.props.handler);
  const files: IacFile[] = [];
  const image = fn.props.packageType === 'Image';
  if (image) files.push({ path: `${dir}/Dockerfile`, content: dockerfile(runtime, match ? fn.props.handler : 'index.handler') });
  const scripted = family === 'nodejs' || family === 'python' || family === 'ruby';
  if (scripted && !match) {
    ctx.warn(fn, `its handler ${JSON.stringify(fn.props.handler)} is not module.function; the placeholder uses index.handler, so set Handler to match the code you put in ${dir}/`);
  }
  const [module, name] = match ? [match[1], match[2]] : ['index', 'handler'];
  if (family === 'nodejs') {
    files.push({ path: `${dir}/${module}.mjs`, content: `// Placeholder: replace with the function's code.\nexport const ${name} = async (event) => {\n  console.log(JSON.stringify(event));\n  return { statusCode: 200, body: 'ok' };\n};\n` });
    files.push({ path: `${dir}/package.json`, content: `${JSON.stringify({ name: dir.slice(4), version: '1.0.0', private: true }, null, 2)}\n` });
  } else if (family === 'python') {
    files.push({ path: `${dir}/${module}.py`, content: `# Placeholder: replace with the function's code.\nimport json\n\n\ndef ${name}(event, context):\n    print(json.dumps(event))\n    return {"statusCode": 200, "body": "ok"}\n` });
    files.push({ path: `${dir}/requirements.txt`, content: '' });
  } else if (family === 'ruby') {
    files.push({ path: `${dir}/${module}.rb`, content: `# Placeholder: replace with the function's code.\nrequire 'json'\n\ndef ${name}(event:, context:)\n  puts JSON.generate(event)\n  { statusCode: 200, body: 'ok' }\nend\n` });
    files.push({ path: `${dir}/Gemfile`, content: 'source "https://rubygems.org"\n' });
  } else {
    files.push({ path: `${dir}/README.md`, content: readme(family, runtime, fn.props.handler, ctx.id(fn.id)) });
  }
  return files;
}

function readme(family: string, runtime: string, handler: string, logicalId: string): string {
  const h = `\`${handler.replace(/`/g, "'")}\``;
  const what: Record<string, string> = {
    java: `a Maven (\`pom.xml\`) or Gradle (\`build.gradle\`) project whose handler class and method match ${h}; \`sam build\` runs the build.`,
    dotnet: `a .NET project (\`*.csproj\`) whose assembly, type and method match ${h} (Assembly::Namespace.Type::Method); \`sam build\` runs \`dotnet lambda package\`.`,
    provided: 'the code of a custom runtime: either a `Makefile` with a `build-' + logicalId + '` target that writes a `bootstrap` executable to `$(ARTIFACTS_DIR)` (add `Metadata: BuildMethod: makefile` to the function), or a Go module (`go.mod`, `main.go`, with `Metadata: BuildMethod: go1.x`).',
  };
  return `# Function code (${runtime})\n\nPut here ${what[family] ?? `the code for the ${runtime} runtime, with the handler ${h}.`}\n`;
}

/** AWS's base image per runtime: https://gallery.ecr.aws/lambda */
function dockerfile(runtime: string, handler: string): string {
  const m = /^(nodejs|python|java|dotnet|ruby)([\d.]+)/.exec(runtime);
  const base = m ? `public.ecr.aws/lambda/${m[1]}:${m[2].replace(/\.$/, '')}` : 'public.ecr.aws/lambda/provided:al2023';
  return `# Placeholder: the function's image. Copy your code in and keep CMD pointing at its handler.\nFROM ${base}\nCOPY . \${LAMBDA_TASK_ROOT}\nCMD [${JSON.stringify(handler)}]\n`;
}
