// LintelSimulation
