
module {
}
