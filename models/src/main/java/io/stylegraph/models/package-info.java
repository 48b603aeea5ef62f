/**
 * Pixels and words to vectors.
 *
 * <ul>
 *   <li>{@link io.stylegraph.models.ImageEncoder} / {@link io.stylegraph.models.TextEncoder}: batch in, unit
 *       vectors out; {@link io.stylegraph.models.Encoders} picks a deployment's pair.</li>
 *   <li>Built-in defaults: {@link io.stylegraph.models.classical.ColourGradientDescriptor} (images) and
 *       {@link io.stylegraph.models.text.MiniLmTextEncoder} (text).</li>
 *   <li>ONNX Runtime: {@link io.stylegraph.models.onnx.FashionSigLip} opens Marqo-FashionSigLIP's towers through
 *       {@link io.stylegraph.models.onnx.OnnxSessions} (CPU, or CUDA with the {@code -Pcuda} build);
 *       {@link io.stylegraph.models.onnx.OnnxRuntimeLoader} starts ONNX Runtime on a large-stack thread first, so
 *       callers need no special thread.</li>
 *   <li>Uploads: {@link io.stylegraph.models.image.ImageDecoder} decodes JPEG (CMYK and YCCK included), PNG and WebP
 *       within limits, turns them upright from their EXIF orientation, and rejects with a typed
 *       {@link io.stylegraph.models.image.ImageRejectedException}.</li>
 * </ul>
 */
package io.stylegraph.models;
