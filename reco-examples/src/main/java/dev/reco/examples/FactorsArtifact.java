package dev.reco.examples;

import dev.reco.core.CsrMatrix;
import dev.reco.core.IdIndex;
import dev.reco.core.format.Envelope;
import dev.reco.core.format.EnvelopeContents;
import dev.reco.core.format.FormatType;
import dev.reco.core.format.PayloadInput;
import dev.reco.core.format.PayloadOutput;
import dev.reco.core.format.PayloadWriter;
import dev.reco.core.recommend.Source;
import dev.reco.models.mf.MatrixFactorizationModel;
import java.io.IOException;
import java.util.List;

/**
 * The artifact {@link RegistryExample} registers: an implicit matrix factorization model (no
 * biases) in a reco envelope of type {@link FormatType#MATRIX_FACTORIZATION}, with the model's
 * provenance in the envelope header. This is the example's own payload layout, enough to serve the
 * model again:
 *
 * <pre>
 * int factors
 * int users,  then each user id as a string
 * int items,  then each item id as a string
 * float[users * factors] user factors, row-major
 * float[items * factors] item factors, row-major
 * </pre>
 *
 * The seen items (to exclude from recommendations) are not stored: the serving side passes its
 * own interaction history when it loads the artifact.
 */
final class FactorsArtifact {
  static final int FORMAT_VERSION = 1;

  private FactorsArtifact() {}

  static byte[] write(MatrixFactorizationModel model) {
    if (model.hasBiases()) {
      throw new IllegalArgumentException("model has biases; expected an implicit model without");
    }
    List<String> users = model.users().ids();
    List<String> items = model.items().ids();
    float[] userFactors = model.userFactors();
    float[] itemFactors = model.itemFactors();
    long size = 4 + 4 + 4 + 4L * userFactors.length + 4L * itemFactors.length;
    for (String id : users) {
      size += PayloadOutput.stringSize(id);
    }
    for (String id : items) {
      size += PayloadOutput.stringSize(id);
    }
    long payloadSize = size;
    return Envelope.toBytes(FormatType.MATRIX_FACTORIZATION, FORMAT_VERSION, model.provenance(),
        new PayloadWriter() {
          @Override
          public long size() {
            return payloadSize;
          }

          @Override
          public void writeTo(PayloadOutput out) throws IOException {
            out.writeInt(model.factors());
            out.writeInt(users.size());
            for (String id : users) {
              out.writeString(id);
            }
            out.writeInt(items.size());
            for (String id : items) {
              out.writeString(id);
            }
            out.writeFloats(userFactors);
            out.writeFloats(itemFactors);
          }
        });
  }

  static MatrixFactorizationModel read(byte[] bytes, CsrMatrix seen) {
    EnvelopeContents c = Envelope.fromBytes(bytes, FormatType.MATRIX_FACTORIZATION,
        FORMAT_VERSION);
    PayloadInput in = c.payloadInput();
    int factors = in.readInt();
    if (factors < 1) {
      throw in.malformed("factors = " + factors + "; expected factors >= 1");
    }
    IdIndex users = readIds(in, "user ids");
    IdIndex items = readIds(in, "item ids");
    float[] userFactors = in.readFloats(Math.multiplyExact(users.size(), factors));
    float[] itemFactors = in.readFloats(Math.multiplyExact(items.size(), factors));
    in.expectEnd();
    MatrixFactorizationModel.Builder b = MatrixFactorizationModel.builder(users, items, factors)
        .userFactors(userFactors)
        .itemFactors(itemFactors)
        .provenance(c.provenance())
        .source(new Source("als"));
    if (seen != null) {
      b.seen(seen);
    }
    return b.build();
  }

  private static IdIndex readIds(PayloadInput in, String what) {
    int n = in.readCount(what, 4);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = in.readString();
    }
    return IdIndex.of(ids);
  }
}
