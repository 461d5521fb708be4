package dev.numera.training.export;

import dev.numera.core.kernels.BatchNorm;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds every batchnorm that directly follows a conv2d or dense layer into that layer's weights
 * and bias (inference form: running statistics), giving a network without those batchnorm layers
 * that computes the same function. The shipped model never carries a batchnorm.
 */
public final class BatchNormFolding {
    private BatchNormFolding() {
    }

    public static Sequential fold(Sequential net, int capacity) {
        LayerSpec[] specs = net.specs();
        List<LayerSpec> kept = new ArrayList<>();
        int[] newIndex = new int[specs.length];
        for (int i = 0; i < specs.length; i++) {
            boolean folds = specs[i].type == LayerSpec.Type.BATCHNORM && i > 0
                    && (specs[i - 1].type == LayerSpec.Type.CONV2D || specs[i - 1].type == LayerSpec.Type.DENSE);
            newIndex[i] = folds ? -1 : kept.size();
            if (!folds) kept.add(specs[i]);
        }
        Sequential out = Sequential.create(net.inputShape(), kept.toArray(new LayerSpec[0]), capacity);
        out.setTemperature(net.temperature());
        float[] src = net.params(), dst = out.params();
        for (ParamTensor t : net.paramTensors()) {
            if (newIndex[t.layer] < 0) continue;
            String role = t.name.substring(t.name.indexOf('.') + 1);
            ParamTensor d = out.paramTensor("layer" + newIndex[t.layer] + "." + role);
            System.arraycopy(src, t.offset, dst, d.offset, t.length);
        }
        for (int i = 0; i < specs.length; i++) {
            if (newIndex[i] >= 0) continue;
            ParamTensor w = out.paramTensor("layer" + newIndex[i - 1] + ".weight");
            ParamTensor b = out.paramTensor("layer" + newIndex[i - 1] + ".bias");
            ParamTensor gamma = net.paramTensor("layer" + i + ".gamma");
            int channels = w.outChannels();
            // BatchNorm.fold wants weight and bias in one array: the folded layer's w then b are adjacent
            if (b.offset != w.offset + w.length) throw new IllegalStateException("weight and bias not adjacent");
            BatchNorm.fold(dst, w.offset, b.offset, channels, w.length / channels, src, gamma.offset, specs[i].value);
        }
        return out;
    }
}
