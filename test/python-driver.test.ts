import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { driverRoot, runDriver } from "../src/python-driver.js";
import { SettingsError } from "../src/errors.js";
import { REPO, TEST_PYTHON } from "./support/action-run.js";
import { driverEnvironment, withheldCredentials } from "../src/driver-env.js";
import { PROTOCOL_VERSION } from "../src/protocol.js";

describe("the Python driver process", () => {
  it("is found relative to the code, from src/ and from the bundles' folders", () => {
    const root = path.join(REPO, "src", "python");
    expect(driverRoot()).toBe(root);
    expect(driverRoot(path.join(REPO, "dist"))).toBe(root);
    expect(driverRoot(path.join(REPO, "dist", "cli"))).toBe(root);
  });

  it("streams each line as it is printed, not when the process ends", async () => {
    // The fake `python` prints a line, then waits for the test to acknowledge it before going on:
    // if lines were held back until exit, no acknowledgement would come and it would say so.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-stream-"));
    const fake = path.join(dir, "python");
    const ack = path.join(dir, "ack");
    fs.writeFileSync(
      fake,
      `#!/bin/sh\necho first\ni=0\nwhile [ ! -e '${ack}' ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n` +
        `if [ -e '${ack}' ]; then echo second >&2; else echo 'never acknowledged'; fi\nprintf 'no newline at the end'\n`,
      { mode: 0o755 },
    );
    const seen: string[] = [];
    const run = await runDriver(fake, ["export"], {
      cwd: dir,
      onLine: (line) => {
        seen.push(line);
        if (line === "first") fs.writeFileSync(ack, "");
      },
    });
    expect(run.exitCode).toBe(0);
    expect(seen).toEqual(["first", "second", "no newline at the end"]);
    expect(run.tail).toEqual(seen);
  });

  /** Whether `pid` still runs: not when it is gone or a zombie waiting for a reaper (a container's init may never reap it). */
  const running = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    const stat = path.join("/proc", String(pid), "stat");
    return !fs.existsSync(stat) || !/^\d+ \(.*\) Z/.test(fs.readFileSync(stat, "utf8"));
  };

  /** A fake `python` that starts `leftover` in the background, writes its pid, prints and exits 3. */
  function fakePython(leftover: string): { python: string; dir: string; pid: () => number } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-group-"));
    const python = path.join(dir, "python");
    const pidFile = path.join(dir, "leftover.pid");
    fs.writeFileSync(python, `#!/bin/sh\n${leftover} &\necho $! > '${pidFile}'\necho started\nexit 3\n`, {
      mode: 0o755,
    });
    return { python, dir, pid: () => Number(fs.readFileSync(pidFile, "utf8")) };
  }

  it("stops what the model left running when the driver exits, and does not wait on its output", async () => {
    // A sleeper that holds stdout open, as a daemon the model started would. Without the process
    // group, the run would wait the sleeper's 600 s (past the test's timeout) and it would outlive it.
    const fake = fakePython("sleep 600");
    const run = await runDriver(fake.python, ["export"], { cwd: fake.dir, onLine: () => undefined });
    expect(run.exitCode).toBe(3);
    expect(run.tail).toEqual(["started"]);
    expect(running(fake.pid())).toBe(false);
  });

  it("kills a leftover that ignores SIGTERM even when it no longer holds the driver's output", async () => {
    // Its output closed, the driver's pipes end with the driver: only the group's SIGKILL stops it.
    const fake = fakePython(`sh -c 'trap "" TERM; exec sleep 600' >/dev/null 2>&1`);
    const run = await runDriver(fake.python, ["export"], { cwd: fake.dir, onLine: () => undefined });
    expect(run.exitCode).toBe(3);
    expect(running(fake.pid())).toBe(false);
  });

  it("names the interpreter that does not exist", async () => {
    await expect(
      runDriver("/no/such/python3", ["versions"], { cwd: os.tmpdir(), onLine: () => undefined }),
    ).rejects.toThrow(SettingsError);
    await expect(
      runDriver("/no/such/python3", ["versions"], { cwd: os.tmpdir(), onLine: () => undefined }),
    ).rejects.toThrow("python: '/no/such/python3' was not found");
  });
});

describe("the bundled driver cannot be shadowed", () => {
  const shadow = (dir: string) => {
    fs.mkdirSync(path.join(dir, "trt_pte"), { recursive: true });
    for (const file of ["__init__.py", "__main__.py"]) {
      fs.writeFileSync(path.join(dir, "trt_pte", file), "print('SHADOWED'); raise SystemExit(3)\n");
    }
  };

  it.each([
    ["a trt_pte/ package in the workspace (the working directory)", {}],
    ["a trt_pte/ package on PYTHONPATH", { pythonpath: true }],
    ["PYTHONSAFEPATH, which leaves the script's folder off sys.path", { pythonpath: true, safe: true }],
  ])("by %s", async (_what, how: { pythonpath?: boolean; safe?: boolean }) => {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-shadow-ws-"));
    shadow(workspace);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-shadow-pp-"));
    shadow(elsewhere);
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (how.pythonpath) env.PYTHONPATH = `${elsewhere}${path.delimiter}${workspace}`;
    if (how.safe) env.PYTHONSAFEPATH = "1";
    const lines: string[] = [];
    const run = await runDriver(TEST_PYTHON, ["versions"], {
      cwd: workspace,
      env,
      onLine: (l) => lines.push(l),
    });
    expect(lines).not.toContain("SHADOWED");
    expect(run.exitCode, lines.join("\n")).toBe(0);
    const report = JSON.parse(lines.find((l) => l.startsWith("{"))!) as { protocol: number };
    expect(report.protocol).toBe(PROTOCOL_VERSION);
  });
});

describe("the driver's environment", () => {
  const parent = {
    PATH: "/usr/bin",
    HOME: "/home/runner",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    https_proxy: "http://proxy:3128",
    CUDA_VISIBLE_DEVICES: "0",
    NVIDIA_VISIBLE_DEVICES: "all",
    LD_LIBRARY_PATH: "/usr/local/cuda/lib64",
    PYTHONPATH: "/opt/lib",
    TORCH_CUDA_ARCH_LIST: "8.0",
    PYTORCH_CUDA_ALLOC_CONF: "expandable_segments:True",
    TRT_LOGGER_LEVEL: "INFO",
    TENSORRT_ROOT: "/opt/trt",
    HF_HOME: "/data/hf",
    TMPDIR: "/tmp",
    TORCHINDUCTOR_CACHE_DIR: "/tmp/shared",
    "INPUT_GITHUB-TOKEN": "ghs_x",
    INPUT_MODEL: "m.py:build",
    input_lowercase: "x",
    ACTIONS_RUNTIME_TOKEN: "rt",
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc",
    GITHUB_TOKEN: "ghs_x",
    GITHUB_ENV: "/r/env",
    GITHUB_PATH: "/r/path",
    GITHUB_OUTPUT: "/r/out",
    GITHUB_STATE: "/r/state",
    GITHUB_STEP_SUMMARY: "/r/summary",
    GITHUB_SHA: "abc",
    WANDB_API_KEY: "w",
    AWS_SECRET_ACCESS_KEY: "a",
    RUNNER_TRACKING_ID: "github_2f6b0c",
    RUNNER_TEMP: "/r/temp",
  };

  it("is the allowlist, the user's names, and the run's own folders", () => {
    const env = driverEnvironment(parent, {
      passthrough: ["WANDB_*", "GITHUB_SHA", "WANDB_API_KEY"],
      runDir: "/rt/run",
    });
    expect(Object.keys(env).sort()).toEqual(
      [
        "CUDA_VISIBLE_DEVICES",
        "GITHUB_SHA",
        "HF_HOME",
        "HOME",
        "LANG",
        "LC_ALL",
        "LD_LIBRARY_PATH",
        "NVIDIA_VISIBLE_DEVICES",
        "PATH",
        "PYTHONPATH",
        "PYTHONUNBUFFERED",
        "PYTORCH_CUDA_ALLOC_CONF",
        "RUNNER_TRACKING_ID",
        "TEMP",
        "TENSORRT_ROOT",
        "TMP",
        "TMPDIR",
        "TORCHINDUCTOR_CACHE_DIR",
        "TORCH_CUDA_ARCH_LIST",
        "TRITON_CACHE_DIR",
        "TRT_LOGGER_LEVEL",
        "WANDB_API_KEY",
        "https_proxy",
      ].sort(),
    );
    expect(env.TMPDIR).toBe(path.join("/rt/run", "tmp"));
    expect(env.TORCHINDUCTOR_CACHE_DIR).toBe(path.join("/rt/run", "torchinductor"));
  });

  // The names of issue 17: each would pass the allowlist's families (HF_*, NVIDIA_*, NV_*, TORCH*,
  // CONDA_*, TRITON_*) or a glob; a proxy URL may carry a user and password.
  const credentials: NodeJS.ProcessEnv = {
    ...parent,
    HF_TOKEN: "hf_secret",
    HUGGINGFACE_HUB_TOKEN: "hf_secret2",
    NVIDIA_API_KEY: "nvapi-secret",
    NV_NGC_API_KEY: "ngc-secret",
    TORCH_HUB_TOKEN: "th-secret",
    CONDA_TOKEN: "conda-secret",
    TRITON_API_KEY: "triton-secret",
    WANDB_PASSWORD: "pw",
    TORCH_CREDENTIALS: "creds",
    HF_SECRET: "s",
    HTTPS_PROXY: "http://user:pass@proxy.corp:3128",
    http_proxy: "user:pass@proxy.corp:3128",
    ALL_PROXY: "http://proxy.corp:3128",
  };
  const names = (passthrough: string[]) =>
    Object.keys(driverEnvironment(credentials, { passthrough, runDir: "/rt/run" }));
  const CREDENTIAL_NAMES = [
    "HF_TOKEN",
    "HUGGINGFACE_HUB_TOKEN",
    "NVIDIA_API_KEY",
    "NV_NGC_API_KEY",
    "TORCH_HUB_TOKEN",
    "CONDA_TOKEN",
    "TRITON_API_KEY",
    "WANDB_PASSWORD",
    "TORCH_CREDENTIALS",
    "HF_SECRET",
    "HTTPS_PROXY",
    "http_proxy",
  ];

  it("drops credential-shaped names and proxy URLs with a user, whatever family or glob matches them", () => {
    for (const passthrough of [[], ["*"], ["HF_*", "*_TOKEN", "*_KEY", "*PROXY*", "WANDB_*"], ["hf_token"]]) {
      const passed = names(passthrough);
      expect(passed.filter((n) => CREDENTIAL_NAMES.includes(n))).toEqual([]);
      expect(passed).toContain("ALL_PROXY"); // no user or password in it
    }
    expect(withheldCredentials(credentials, ["WANDB_*"])).toEqual(
      [...CREDENTIAL_NAMES, "WANDB_API_KEY"].sort(),
    );
  });

  it("passes a credential that env-passthrough names exactly", () => {
    const env = driverEnvironment(credentials, {
      passthrough: ["HF_TOKEN", "HTTPS_PROXY"],
      runDir: "/rt/run",
    });
    expect(env.HF_TOKEN).toBe("hf_secret");
    expect(env.HTTPS_PROXY).toBe("http://user:pass@proxy.corp:3128");
    expect(env.NVIDIA_API_KEY).toBeUndefined();
    expect(withheldCredentials(credentials, ["HF_TOKEN", "HTTPS_PROXY"])).not.toContain("HF_TOKEN");
  });

  it("never holds a forbidden name, even one a glob would match", () => {
    const env = driverEnvironment(parent, { passthrough: ["*"], runDir: "/rt/run" });
    expect(Object.keys(env).filter((n) => /^(INPUT_|ACTIONS_)/i.test(n) || n === "GITHUB_TOKEN")).toEqual([]);
    expect(env.GITHUB_ENV).toBeUndefined();
    expect(env.GITHUB_STEP_SUMMARY).toBeUndefined();
  });
});
