// LintelRender
