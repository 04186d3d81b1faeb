
module {
  fabric.design pipeline target = 3 {
  }
}

