
module attributes {fabric.strategy = "random"} {
}

