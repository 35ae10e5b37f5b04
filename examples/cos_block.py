"""The example model: the shape of the model in the upstream Torch-TensorRT bug report.

An add/mul block, a `cos`, another add/mul block, on a 4-D input. With the `tensorrt` target and
`torch-executed-ops: aten.cos.default`, the two blocks become TensorRT engines and `cos` stays in
PyTorch: exactly the partially compiled graph whose ExecuTorch export fails without trt-pte.
"""

import torch


class CosBlock(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = (x + 1.0) * 2.0
        b = torch.cos(a)
        return (b * 3.0) + 4.0


def build() -> tuple[torch.nn.Module, tuple[torch.Tensor, ...]]:
    """The module and one example input of shape (2, 3, 4, 4)."""
    return CosBlock().eval(), (torch.randn(2, 3, 4, 4),)
