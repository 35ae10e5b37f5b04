// GPU detection on the machines trt-pte's users build on: x86-64 servers (one or several GPUs),
// Jetson Orin and Thor, containers without nvidia-smi. nvidia-smi is a stand-in answering what the
// captured machines printed (test/support/gpu-captures.ts says where each capture comes from); the
// Jetson files are laid out under a temporary root.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectGpus, type TorchAnswer } from "../src/gpu/detect.js";
import { parseNvidiaSmi } from "../src/gpu/nvidia-smi.js";
import { parseTegraRelease, readJetson } from "../src/gpu/jetson.js";
import { visibleGpus } from "../src/gpu/visible.js";
import { gpuForKey } from "../src/cache/key.js";
import { checkTarget, describeGpus, probeTorchGpu, type Preflight } from "../src/preflight.js";
import type { TrtPteError } from "../src/errors.js";
import { REPO, TEST_PYTHON } from "./support/action-run.js";
import {
  ORIN_BOARD,
  ORIN_JP6_SMI,
  THOR_BOARD,
  THOR_SMI,
  TITAN_V_AND_RTX_5880,
  writeBoard,
  writeFakeNvidiaSmi,
  type BoardCapture,
  type SmiCapture,
} from "./support/gpu-captures.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-gpu-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A machine: a fake nvidia-smi (or none), a root with a Jetson's files (or an empty one). */
function machine(smi: SmiCapture | { fail: string } | null, board: BoardCapture | null) {
  const dir = path.join(tmp, `m${n++}`);
  const root = path.join(dir, "root");
  fs.mkdirSync(root, { recursive: true });
  if (board !== null) writeBoard(root, board);
  const nvidiaSmi = smi === null ? path.join(dir, "no-such-nvidia-smi") : writeFakeNvidiaSmi(dir, smi);
  return { nvidiaSmi, root };
}

const noTorch = async (): Promise<TorchAnswer> => {
  throw new Error("torch must not be asked when the files can tell");
};

describe("nvidia-smi's answer", () => {
  it("reads each field, with the placeholders of an unreadable one as unknown", () => {
    expect(parseNvidiaSmi("0, [N/A], Orin (nvgpu), [N/A], 540.4.0\n")).toEqual([
      {
        index: 0,
        name: "Orin (nvgpu)",
        computeCapability: "",
        driverVersion: "540.4.0",
        source: "nvidia-smi",
      },
    ]);
    expect(parseNvidiaSmi("1, GPU-ab, NVIDIA L4, 8.9, [Not Supported]\n")[0]).toMatchObject({
      index: 1,
      uuid: "GPU-ab",
      driverVersion: "",
    });
    expect(parseNvidiaSmi("0, GPU-x, Some GPU, with a comma, 9.0, 580.1\n")[0]?.name).toBe(
      "Some GPU, with a comma",
    );
    expect(parseNvidiaSmi("")).toEqual([]);
  });
});

describe("a Jetson's files", () => {
  it("read the L4T release from nv_tegra_release's first line", () => {
    expect(parseTegraRelease(THOR_BOARD.nvTegraRelease)).toBe("R38.2.0");
    expect(parseTegraRelease(ORIN_BOARD.nvTegraRelease)).toBe("R39.2.0");
    expect(parseTegraRelease("not a release file")).toBeNull();
  });

  it("take the GPU from the SoC in the device tree", async () => {
    const thor = machine(null, THOR_BOARD);
    expect((await readJetson(thor.root)).gpu).toEqual({
      name: "NVIDIA Jetson AGX Thor Developer Kit",
      computeCapability: "11.0",
      driverVersion: "",
      l4t: "R38.2.0",
      source: "device-tree",
    });
    const orin = machine(null, ORIN_BOARD);
    expect((await readJetson(orin.root)).gpu).toMatchObject({ computeCapability: "8.7", l4t: "R39.2.0" });
  });

  it("are not taken for a Jetson on another board or without a device tree", async () => {
    const plain = machine(null, null);
    expect(await readJetson(plain.root)).toEqual({ gpu: null, problem: "no Jetson device tree" });
    const pi = machine(null, { ...THOR_BOARD, compatible: "raspberrypi,5-model-b\0brcm,bcm2712\0" });
    expect((await readJetson(pi.root)).problem).toContain("no Tegra SoC");
  });
});

describe("detecting the GPU", () => {
  it("Orin on JetPack 6: nvidia-smi's N/A compute capability comes from the device tree, with the L4T release", async () => {
    const m = machine(ORIN_JP6_SMI, ORIN_BOARD);
    const found = await detectGpus({ ...m, env: {}, probeTorch: noTorch });
    expect(found.gpus).toEqual([
      {
        index: 0,
        name: "Orin (nvgpu)",
        computeCapability: "8.7",
        driverVersion: "540.4.0",
        l4t: "R39.2.0",
        source: "nvidia-smi",
      },
    ]);
  });

  it("Thor: nvidia-smi answers, the board adds its L4T release", async () => {
    const m = machine(THOR_SMI, THOR_BOARD);
    const [gpu] = (await detectGpus({ ...m, env: {}, probeTorch: noTorch })).gpus;
    expect(gpu).toMatchObject({
      name: "NVIDIA Thor",
      computeCapability: "11.0",
      driverVersion: "580.00",
      l4t: "R38.2.0",
    });
    expect(gpuForKey("tensorrt", [gpu!])).toEqual({
      name: "NVIDIA Thor",
      compute_capability: "11.0",
      driver_major: "580",
      l4t: "R38.2.0",
    });
  });

  it("a Jetson without nvidia-smi (JetPack 5, or a container without it) still has its GPU", async () => {
    const m = machine(null, ORIN_BOARD);
    const found = await detectGpus({ ...m, env: {}, probeTorch: noTorch });
    expect(found.gpus).toEqual([
      {
        name: "NVIDIA Jetson AGX Orin Developer Kit",
        computeCapability: "8.7",
        driverVersion: "",
        l4t: "R39.2.0",
        source: "device-tree",
      },
    ]);
    expect(found.notes).toEqual(["nvidia-smi is not on PATH"]);
    // The key holds the L4T release where there is no driver version to hold.
    expect(gpuForKey("cuda", found.gpus)).toMatchObject({ driver_major: "", l4t: "R39.2.0" });
    expect(gpuForKey("xnnpack", found.gpus)).toBeNull();
  });

  it("without nvidia-smi or a device tree, asks torch, and says why when it cannot tell either", async () => {
    const bare = machine(null, null);
    const cuda: TorchAnswer = {
      gpu: { name: "NVIDIA H200", computeCapability: "9.0", driverVersion: "580.95.05", source: "torch" },
      problem: null,
    };
    expect((await detectGpus({ ...bare, env: {}, probeTorch: async () => cuda })).gpus).toEqual([cuda.gpu]);

    const none = await detectGpus({
      ...bare,
      env: {},
      probeTorch: async () => ({ gpu: null, problem: "torch 2.13.0+cpu is a CPU build" }),
    });
    expect(none).toEqual({
      gpus: [],
      notes: ["nvidia-smi is not on PATH", "no Jetson device tree", "torch 2.13.0+cpu is a CPU build"],
    });
    const pre: Preflight = {
      python: { executable: "/venv/bin/python", version: "3.12.3" },
      packages: { torch: "2.13.0", executorch: "1.4.1", torch_tensorrt: "2.13.0", tensorrt: "11.0.0" },
      distributions: {},
      editable: [],
      gpus: none.gpus,
      gpuNotes: none.notes,
    };
    try {
      checkTarget("tensorrt", pre);
      expect.unreachable();
    } catch (e) {
      expect((e as TrtPteError).kind).toBe("gpu_missing");
      expect((e as TrtPteError).message).toContain(
        "nvidia-smi is not on PATH; no Jetson device tree; torch 2.13.0+cpu is a CPU build",
      );
    }
  });

  it("the last resort is the driver's `gpu` command in the user's Python; this CPU build says so", async () => {
    const answer = await probeTorchGpu(TEST_PYTHON, REPO);
    expect(answer.gpu).toBeNull();
    expect(answer.problem).toMatch(/^torch \S+\+cpu is a CPU build$/);
  });

  it("a driver that does not load is named, as nvidia-smi said it", async () => {
    const broken = machine(
      {
        fail: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.",
      },
      null,
    );
    const found = await detectGpus({ ...broken, env: {} });
    expect(found.gpus).toEqual([]);
    expect(found.notes[0]).toMatch(
      /^nvidia-smi failed: NVIDIA-SMI has failed because it couldn't communicate/,
    );
  });
});

describe("several GPUs: the report names the one CUDA builds on", () => {
  const [titan, rtx] = parseNvidiaSmi(
    TITAN_V_AND_RTX_5880.records
      .map((r) => [r.index, r.uuid, r.name, r.compute_cap, r.driver_version].join(", "))
      .join("\n"),
  );

  it("CUDA_VISIBLE_DEVICES by index (PCI order) or by UUID picks and orders them", () => {
    const pci = { CUDA_DEVICE_ORDER: "PCI_BUS_ID" };
    expect(visibleGpus([titan!, rtx!], { ...pci, CUDA_VISIBLE_DEVICES: "1" })).toEqual({
      gpus: [rtx],
      orderUnknown: false,
      problem: null,
    });
    expect(visibleGpus([titan!, rtx!], { CUDA_VISIBLE_DEVICES: "GPU-7518f6b0,GPU-b5169cef" }).gpus).toEqual([
      rtx,
      titan,
    ]);
    // CUDA stops at the first entry it cannot use.
    expect(visibleGpus([titan!, rtx!], { ...pci, CUDA_VISIBLE_DEVICES: "1,7,0" }).gpus).toEqual([rtx]);
  });

  it("an empty or useless CUDA_VISIBLE_DEVICES leaves no GPU, and says so", () => {
    expect(visibleGpus([titan!, rtx!], { CUDA_VISIBLE_DEVICES: "" })).toEqual({
      gpus: [],
      orderUnknown: false,
      problem: 'CUDA_VISIBLE_DEVICES="" leaves CUDA no GPU of the 2 nvidia-smi lists',
    });
    expect(visibleGpus([titan!, rtx!], { CUDA_VISIBLE_DEVICES: "-1" }).gpus).toEqual([]);
  });

  it("different GPUs numbered fastest-first: only CUDA knows which is cuda:0, so torch is asked", async () => {
    expect(visibleGpus([titan!, rtx!], {}).orderUnknown).toBe(true);
    expect(visibleGpus([titan!, rtx!], { CUDA_DEVICE_ORDER: "PCI_BUS_ID" }).orderUnknown).toBe(false);
    expect(visibleGpus([titan!, titan!], {}).orderUnknown).toBe(false); // alike: any order names the same kind

    const m = machine(TITAN_V_AND_RTX_5880, null);
    let asked = 0;
    const found = await detectGpus({
      ...m,
      env: {},
      probeTorch: async () => {
        asked++;
        return {
          gpu: {
            name: "NVIDIA RTX 5880 Ada Generation",
            computeCapability: "8.9",
            driverVersion: "",
            source: "torch",
          },
          problem: null,
        };
      },
    });
    expect(asked).toBe(1);
    expect(found.gpus.map((g) => g.name)).toEqual(["NVIDIA RTX 5880 Ada Generation", "NVIDIA TITAN V"]);
    expect(found.gpus[0]?.uuid).toBe("GPU-7518f6b0-991f-ce2b-3d37-c779130d3137"); // nvidia-smi's facts kept
    expect(describeGpus(found.gpus)).toBe(
      "GPU: NVIDIA RTX 5880 Ada Generation (sm 8.9, driver 570.86.15; from nvidia-smi, builds here (cuda:0))\n" +
        "GPU: NVIDIA TITAN V (sm 7.0, driver 570.86.15; from nvidia-smi, cuda:1)",
    );
  });

  it("the key and the report follow CUDA_VISIBLE_DEVICES", async () => {
    const m = machine(TITAN_V_AND_RTX_5880, null);
    const found = await detectGpus({
      ...m,
      env: { CUDA_VISIBLE_DEVICES: "1", CUDA_DEVICE_ORDER: "PCI_BUS_ID" },
      probeTorch: noTorch,
    });
    expect(gpuForKey("tensorrt", found.gpus)?.name).toBe("NVIDIA RTX 5880 Ada Generation");
  });
});
