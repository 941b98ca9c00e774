// LintelReview
