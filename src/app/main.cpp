#include "app/Application.h"

int main(int argc, char *argv[])
{
    return ba::runApplication(argc, argv);
}
