// LintelCapacity
