
module attributes {fabric.target = 3} {
}

