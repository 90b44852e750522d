package dev.reco.core.io;

/**
 * Formats of the MovieLens rating files (GroupLens). Combine with {@link LoadOptions}, e.g.
 * {@code DelimitedLoader.load(path, MovieLens.uData(), LoadOptions.strict(DuplicatePolicy.LAST))}.
 */
public final class MovieLens {
  private MovieLens() {}

  /**
   * Returns the format of MovieLens 100K {@code u.data} (and its {@code u1.base} ... splits):
   * tab-separated {@code user item rating unixSeconds}, no header.
   *
   * @return the format
   */
  public static DelimitedFormat uData() {
    return DelimitedFormat.tsv(0, 1)
        .withValue(Column.at(2))
        .withTimestamp(Column.at(3), TimestampFormat.UNIX_SECONDS);
  }

  /**
   * Returns the format of {@code ratings.csv} in the MovieLens latest, 20M, 25M and 32M
   * releases: comma-separated with header {@code userId,movieId,rating,timestamp}, unix seconds.
   *
   * @return the format
   */
  public static DelimitedFormat ratingsCsv() {
    return DelimitedFormat.csv("userId", "movieId")
        .withValue(Column.named("rating"))
        .withTimestamp(Column.named("timestamp"), TimestampFormat.UNIX_SECONDS);
  }

  /**
   * Returns the format of {@code ratings.dat} in MovieLens 1M and 10M:
   * {@code UserID::MovieID::Rating::Timestamp}, no header. The {@code ::} separator is read as
   * the delimiter {@code ':'} with empty fields between, so the columns are at positions 0, 2, 4
   * and 6.
   *
   * @return the format
   */
  public static DelimitedFormat ratingsDat() {
    return DelimitedFormat.of(':', false, Column.at(0), Column.at(2))
        .withValue(Column.at(4))
        .withTimestamp(Column.at(6), TimestampFormat.UNIX_SECONDS);
  }
}
