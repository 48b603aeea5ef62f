package io.stylegraph.training.kernel;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dense products A·Bᵀ into row-major Java arrays through ND4J's BLAS. ND4J 1.0.0-M2.1 writes a 'c'-ordered product
 * through a slow copy (about 10× the gemm itself), so the product is computed as B·Aᵀ into an 'f'-ordered array,
 * whose memory is exactly A·Bᵀ in row-major order. Keeps its output buffer between calls of one shape, and frees it
 * when the shape changes; not thread-safe.
 */
public final class TransposedProduct {

    private final boolean hostMemory = Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu");
    private INDArray buffer;

    /** Writes left·rightᵀ (left.rows × right.rows), row-major, into {@code out}. Both operands are row-major. */
    public void multiply(INDArray left, INDArray right, float[] out) {
        long rows = left.rows();
        long cols = right.rows();
        if (buffer == null || buffer.rows() != cols || buffer.columns() != rows) {
            // the old buffer's memory is outside the heap: free it now rather than when a collection finds it (the
            // item graph's cells each ask for a product of their own shape, a thousand of them at 1 M items)
            if (buffer != null && buffer.closeable()) {
                buffer.close();
            }
            buffer = Nd4j.createUninitialized(DataType.FLOAT, new long[] {cols, rows}, 'f');
        }
        Nd4j.gemm(right, left, buffer, false, true, 1.0, 0.0);
        int length = (int) (rows * cols);
        if (hostMemory) {
            ((FloatPointer) buffer.data().pointer()).get(out, 0, length);
        } else {
            System.arraycopy(buffer.data().asFloat(), 0, out, 0, length);
        }
    }

    /** The output buffer in use (for tests). */
    INDArray buffer() {
        return buffer;
    }
}
