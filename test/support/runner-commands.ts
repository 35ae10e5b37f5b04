// The workflow commands a GitHub runner would execute from a step's output, read the way the runner
// reads them: line by line (split at \n, \r or \r\n); `::name props::data` after leading .NET white
// space, or the older `##[name props]data` anywhere in a line; and while `::stop-commands::TOKEN` is in
// force, nothing but `::TOKEN::` (case-insensitive), which resumes. Names are the runner's commands.

export interface RunnerCommand {
  name: string;
  data: string;
  line: string;
}

const COMMANDS = new Set([
  "set-env",
  "set-output",
  "save-state",
  "add-mask",
  "add-path",
  "add-matcher",
  "remove-matcher",
  "warning",
  "error",
  "notice",
  "debug",
  "group",
  "endgroup",
  "echo",
  "stop-commands",
]);

// .NET's String.TrimStart() removes char.IsWhiteSpace characters.
// eslint-disable-next-line no-control-regex -- the separators .NET counts as white space
const DOTNET_SPACE = /^[\s\u001c-\u001f\u0085]*/;

function parse(line: string, known: ReadonlySet<string>): { name: string; data: string } | null {
  const trimmed = line.replace(DOTNET_SPACE, "");
  if (trimmed.startsWith("::")) {
    const end = trimmed.indexOf("::", 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const name = info.split(" ")[0]!;
      if (known.has(name.toLowerCase())) return { name: name.toLowerCase(), data: trimmed.slice(end + 2) };
    }
  }
  const legacy = line.indexOf("##[");
  if (legacy >= 0) {
    const close = line.indexOf("]", legacy);
    if (close >= 0) {
      const name = line.slice(legacy + 3, close).split(" ")[0]!;
      if (known.has(name.toLowerCase())) return { name: name.toLowerCase(), data: line.slice(close + 1) };
    }
  }
  return null;
}

export function runnerCommands(output: string): RunnerCommand[] {
  const executed: RunnerCommand[] = [];
  const known = new Set(COMMANDS);
  let stopToken: string | null = null;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parse(line, known);
    if (command === null) continue;
    if (stopToken !== null) {
      if (command.name === stopToken) {
        known.delete(stopToken);
        stopToken = null;
        executed.push({ ...command, line });
      }
      continue;
    }
    executed.push({ ...command, line });
    if (command.name === "stop-commands") {
      stopToken = command.data.toLowerCase();
      known.add(stopToken);
    }
  }
  return executed;
}
