"""trt-pte's export driver: PyTorch model → ExecuTorch ``.pte``.

It runs inside the user's own ML environment and imports only the standard library and that
stack (torch, executorch, torch_tensorrt). The action talks to it through two JSON files
(``python -m trt_pte export --request R --result S``); see ``trt_pte.protocol``.

``trt_pte.compat`` holds the public helpers that get Torch-TensorRT releases past the lifted
engine lookup bug.
"""

__version__ = "0.1.0"

# The version of the request/result files the action and the driver exchange (protocol.py).
PROTOCOL_VERSION = 1
