package dev.reco.core.recommend;

/**
 * One entry of a {@link Recommendations} list, as a value for callers that prefer objects over
 * the list's primitive accessors.
 *
 * @param index the dense item index in the recommender's {@link Recommender#items()}
 * @param id the external item id
 * @param score the score; comparable only with scores of the same source
 * @param source what served this entry
 */
public record ScoredItem(int index, String id, float score, Source source) {}
