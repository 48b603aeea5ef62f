package io.stylegraph.models.onnx;

import com.google.protobuf.CodedOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ONNX models (the ModelProto protobuf, field numbers from onnx.proto) so the ONNX code path can be
 * tested against models whose outputs a few lines of plain Java reproduce. Opset 13, IR version 8.
 */
final class TinyOnnxModelWriter {

    static final int FLOAT = 1;
    static final int INT64 = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    /** Dimensions are Long (fixed) or String (symbolic, e.g. "batch"). */
    TinyOnnxModelWriter input(String name, int elemType, Object... dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    TinyOnnxModelWriter output(String name, int elemType, Object... dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    TinyOnnxModelWriter floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        initializers.add(tensor(name, FLOAT, raw.array(), dims));
        return this;
    }

    /** A node; attributes are name/value pairs where a value is Long, Float or long[]. */
    TinyOnnxModelWriter node(String opType, String[] in, String[] out, Object... attributes) {
        nodes.add(message(o -> {
            for (String s : in) {
                o.writeString(1, s);
            }
            for (String s : out) {
                o.writeString(2, s);
            }
            o.writeString(3, opType + "_" + nodes.size());
            o.writeString(4, opType);
            for (int i = 0; i < attributes.length; i += 2) {
                o.writeByteArray(5, attribute((String) attributes[i], attributes[i + 1]));
            }
        }));
        return this;
    }

    byte[] toBytes() {
        byte[] graph = message(o -> {
            for (byte[] n : nodes) {
                o.writeByteArray(1, n);
            }
            o.writeString(2, "tiny");
            for (byte[] t : initializers) {
                o.writeByteArray(5, t);
            }
            for (byte[] i : inputs) {
                o.writeByteArray(11, i);
            }
            for (byte[] v : outputs) {
                o.writeByteArray(12, v);
            }
        });
        byte[] opset = message(o -> {
            o.writeString(1, "");
            o.writeInt64(2, 13);
        });
        return message(o -> {
            o.writeInt64(1, 8);
            o.writeString(2, "stylegraph-tests");
            o.writeByteArray(7, graph);
            o.writeByteArray(8, opset);
        });
    }

    private static byte[] attribute(String name, Object value) {
        return message(o -> {
            o.writeString(1, name);
            if (value instanceof Float f) {
                o.writeFloat(2, f);
                o.writeInt32(20, 1);
            } else if (value instanceof Long l) {
                o.writeInt64(3, l);
                o.writeInt32(20, 2);
            } else if (value instanceof long[] ints) {
                for (long v : ints) {
                    o.writeInt64(8, v);
                }
                o.writeInt32(20, 7);
            } else {
                throw new IllegalArgumentException("unsupported attribute value " + value);
            }
        });
    }

    private static byte[] tensor(String name, int dataType, byte[] raw, long... dims) {
        return message(o -> {
            for (long d : dims) {
                o.writeInt64(1, d);
            }
            o.writeInt32(2, dataType);
            o.writeString(8, name);
            o.writeByteArray(9, raw);
        });
    }

    private static byte[] valueInfo(String name, int elemType, Object... dims) {
        byte[] shape = message(o -> {
            for (Object d : dims) {
                o.writeByteArray(1, message(dim -> {
                    if (d instanceof Long l) {
                        dim.writeInt64(1, l);
                    } else {
                        dim.writeString(2, (String) d);
                    }
                }));
            }
        });
        byte[] tensorType = message(o -> {
            o.writeInt32(1, elemType);
            o.writeByteArray(2, shape);
        });
        byte[] type = message(o -> o.writeByteArray(1, tensorType));
        return message(o -> {
            o.writeString(1, name);
            o.writeByteArray(2, type);
        });
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
