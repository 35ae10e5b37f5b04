# An image for trt-pte's `container` input, built on NVIDIA's NGC PyTorch image, which already holds
# torch, torch_tensorrt, TensorRT, CUDA and Python; this adds ExecuTorch and freezes what the image
# has, so pip can never swap NGC's builds for PyPI's (docs/runners.md says how to choose the image).
#
#   docker buildx imagetools inspect nvcr.io/nvidia/pytorch:YY.MM-py3     # prints the tag's digest
#   docker build -f requirements/ngc-pytorch.Dockerfile \
#     --build-arg BASE=nvcr.io/nvidia/pytorch@sha256:<digest> -t <your registry>/trt-pte-ngc:YY.MM .
#   docker buildx imagetools inspect <your registry>/trt-pte-ngc:YY.MM    # its digest, for `container`

# By digest, never by tag: a tag can be moved to another image. No default: the build names one.
ARG BASE
FROM ${BASE}

# executorch 1.4.x for Torch-TensorRT 2.13 and 2.14 (docs/versions.md); it takes NGC's torch builds
# (`2.14.0a0+...`), since it asks for torch >= 2.13.0a0.
ARG EXECUTORCH=1.4.1

RUN python -m pip list --format=freeze \
      | grep -iE '^(torch|torch[-_]tensorrt|tensorrt[-_a-z0-9]*|triton|numpy)==' >/etc/trt-pte-ngc-constraints.txt \
 && python -m pip install --no-cache-dir -c /etc/trt-pte-ngc-constraints.txt "executorch==${EXECUTORCH}" \
 && python -c "import torch, torch_tensorrt, tensorrt, executorch; \
print('torch', torch.__version__, '| torch_tensorrt', torch_tensorrt.__version__, '| tensorrt', tensorrt.__version__)"
