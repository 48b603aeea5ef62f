package io.stylegraph.models.regions;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.stylegraph.models.EncoderException;
import io.stylegraph.models.image.RgbImage;
import io.stylegraph.models.onnx.ModelFilesException;
import io.stylegraph.models.onnx.OnnxModel;

/**
 * A YOLO-style garment detector in ONNX: the photo is letterboxed into the model's input ({@code [1, 3, H, W]},
 * RGB, 0..1), the output decoded ({@link YoloOutputDecoder}), suppressed per class ({@link NonMaximumSuppression})
 * and mapped back to photo pixels; classes become slots through {@link DetectorSettings#classSlots()}.
 * Thread-safe.
 */
public final class OnnxGarmentDetector implements GarmentRegionFinder, AutoCloseable {

    private final OnnxModel model;
    private final DetectorSettings settings;
    private final String input;
    private final String output;
    private final int inputWidth;
    private final int inputHeight;
    private final YoloLayout fixedLayout;

    public OnnxGarmentDetector(OnnxModel model, DetectorSettings settings) {
        this.model = model;
        this.settings = settings;
        try {
            Map.Entry<String, TensorInfo> in = only(model.session().getInputInfo(), 4, "input [1, 3, H, W]");
            Map.Entry<String, TensorInfo> out = only(model.session().getOutputInfo(), 3, "output [1, A, B]");
            this.input = in.getKey();
            this.output = out.getKey();
            long[] shape = in.getValue().getShape();
            this.inputHeight = shape[2] > 0 ? (int) shape[2] : settings.inputSize();
            this.inputWidth = shape[3] > 0 ? (int) shape[3] : settings.inputSize();
            long[] outShape = out.getValue().getShape();
            boolean known = outShape[1] > 0 && outShape[2] > 0;
            this.fixedLayout = settings.layout() != null ? settings.layout()
                    : known ? YoloLayout.detect(new long[] {1, outShape[1], outShape[2]}, classes()).orElseThrow(() ->
                    new ModelFilesException(model.file() + ": output " + java.util.Arrays.toString(outShape)
                            + " fits no YOLO layout for " + classes() + " classes (class-slots has one entry per "
                            + "class)")) : null;
        } catch (OrtException e) {
            throw new ModelFilesException("cannot read inputs and outputs of " + model.file() + ": " + e.getMessage(),
                    e);
        }
    }

    private int classes() {
        return settings.classSlots().size();
    }

    private Map.Entry<String, TensorInfo> only(Map<String, NodeInfo> nodes, int rank, String what) {
        List<Map.Entry<String, TensorInfo>> found = new ArrayList<>();
        for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT
                    && t.getShape().length == rank) {
                found.add(Map.entry(e.getKey(), t));
            }
        }
        if (found.isEmpty()) {
            throw new ModelFilesException(model.file() + ": no float " + what + " in " + nodes.keySet());
        }
        return found.get(0);
    }

    @Override
    public List<GarmentRegion> find(RgbImage photo) {
        Letterbox letterbox = Letterbox.of(photo.width(), photo.height(), inputWidth, inputHeight);
        float[] chw = letterbox.toChw(photo);
        List<Detection> detections;
        try (OnnxTensor tensor = OnnxTensor.createTensor(model.environment(), FloatBuffer.wrap(chw),
                new long[] {1, 3, inputHeight, inputWidth});
             OrtSession.Result result = model.session().run(Map.of(input, tensor), java.util.Set.of(output))) {
            OnnxTensor out = (OnnxTensor) result.get(output).orElseThrow();
            long[] shape = out.getInfo().getShape();
            YoloLayout layout = fixedLayout != null ? fixedLayout : YoloLayout.detect(shape, classes())
                    .orElseThrow(() -> new EncoderException(model.file() + ": output " + java.util.Arrays
                            .toString(shape) + " fits no YOLO layout for " + classes() + " classes"));
            float[] values = new float[(int) (shape[1] * shape[2])];
            out.getFloatBuffer().get(values);
            int candidates = (int) (layout.candidatesInColumns() ? shape[2] : shape[1]);
            detections = new YoloOutputDecoder(layout, classes(), settings.scoreThreshold()).decode(values,
                    candidates);
        } catch (OrtException e) {
            throw new EncoderException("detector " + model.file() + " failed: " + e.getMessage(), e);
        }
        List<Detection> wanted = detections.stream()
                .filter(d -> !settings.classSlots().get(d.classId()).isEmpty()).toList();
        List<GarmentRegion> regions = new ArrayList<>();
        for (Detection d : NonMaximumSuppression.apply(wanted, settings.iouThreshold(), settings.maxRegions())) {
            Box box = letterbox.toPhoto(d.box());
            if (!box.isEmpty()) {
                regions.add(new GarmentRegion(settings.classSlots().get(d.classId()), box, d.score(),
                        RegionSource.DETECTOR));
            }
        }
        return regions;
    }

    @Override
    public RegionSource source() {
        return RegionSource.DETECTOR;
    }

    @Override
    public void close() {
        model.close();
    }
}
